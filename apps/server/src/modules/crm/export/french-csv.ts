/**
 * CSV as French Excel opens it with a double click: UTF-8 with a byte order mark (without it Excel
 * reads Windows-1252), `;` between cells (the French list separator: `,` is the decimal comma) and
 * CRLF line ends. ADR: docs/adr (exports) explains the choice.
 */
export const FRENCH_CSV_BOM = '\uFEFF';
export const FRENCH_CSV_SEPARATOR = ';';

export function frenchCsvRow(values: readonly unknown[]): string {
  return values.map(frenchCsvCell).join(FRENCH_CSV_SEPARATOR) + '\r\n';
}

export function frenchCsvCell(value: unknown): string {
  let text: string;
  if (value === null || value === undefined) text = '';
  else if (value instanceof Date) text = value.toISOString();
  else text = String(value);
  // A cell starting with = + - @ would run as a formula (CSV injection): a leading apostrophe keeps it
  // text. E.164 phone numbers (+33…) hold nothing to run and stay as they are.
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text) && !/^\+\d+$/.test(text)) text = `'${text}`;
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
