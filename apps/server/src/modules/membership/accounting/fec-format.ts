/**
 * The "fichier des écritures comptables" (FEC, LPF art. A47 A-1): 18 fields in this order, one line
 * per accounting line, tab-separated, amounts with a decimal comma, dates as YYYYMMDD.
 */
export const FEC_FIELDS = [
  'JournalCode',
  'JournalLib',
  'EcritureNum',
  'EcritureDate',
  'CompteNum',
  'CompteLib',
  'CompAuxNum',
  'CompAuxLib',
  'PieceRef',
  'PieceDate',
  'EcritureLib',
  'Debit',
  'Credit',
  'EcritureLet',
  'DateLet',
  'ValidDate',
  'Montantdevise',
  'Idevise',
] as const;

export interface FecLine {
  journalCode: string;
  journalLib: string;
  ecritureNum: string;
  /** ISO dates (YYYY-MM-DD). */
  ecritureDate: string;
  compteNum: string;
  compteLib: string;
  compAuxNum: string;
  compAuxLib: string;
  pieceRef: string;
  pieceDate: string;
  ecritureLib: string;
  debitCents: number;
  creditCents: number;
  validDate: string;
}

/** `48000` → `480,00`. */
export function fecAmount(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const absolute = Math.abs(cents);
  return `${sign}${Math.floor(absolute / 100)},${String(absolute % 100).padStart(2, '0')}`;
}

/** `2026-11-29` → `20261129`. */
export function fecDate(isoDate: string): string {
  return isoDate.replaceAll('-', '');
}

/** Free text may not carry the separator nor line breaks. */
function text(value: string): string {
  return value.replace(/[\t\r\n]+/g, ' ').trim();
}

export function fecFileName(siren: string, closingDate: string): string {
  return `${siren}FEC${fecDate(closingDate)}.txt`;
}

export function renderFec(lines: readonly FecLine[]): string {
  const rows = lines.map((line) =>
    [
      line.journalCode,
      text(line.journalLib),
      line.ecritureNum,
      fecDate(line.ecritureDate),
      line.compteNum,
      text(line.compteLib),
      line.compAuxNum,
      text(line.compAuxLib),
      text(line.pieceRef),
      fecDate(line.pieceDate),
      text(line.ecritureLib),
      fecAmount(line.debitCents),
      fecAmount(line.creditCents),
      '',
      '',
      fecDate(line.validDate),
      '',
      '',
    ].join('\t'),
  );
  return [FEC_FIELDS.join('\t'), ...rows].join('\r\n') + '\r\n';
}
