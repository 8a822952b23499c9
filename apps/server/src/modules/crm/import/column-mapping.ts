import type { RuleViolation } from '../rule-result.js';
import { foldText } from '../text/fold-text.js';

/** The import's target fields, in the order a file usually has them. */
export const IMPORT_FIELDS = [
  'companyName',
  'siren',
  'siret',
  'nafCode',
  'addressLine',
  'postalCode',
  'city',
  'headcount',
  'civility',
  'lastName',
  'firstName',
  'email',
  'phone',
  'joinedOn',
  'duesAmount',
] as const;

export type ImportField = (typeof IMPORT_FIELDS)[number];

/** How each field is named for staff (messages, mapping screen). */
export const FIELD_LABELS: Readonly<Record<ImportField, string>> = {
  companyName: 'Raison sociale',
  siren: 'SIREN',
  siret: 'SIRET',
  nafCode: 'Code NAF',
  addressLine: 'Adresse',
  postalCode: 'Code postal',
  city: 'Ville',
  headcount: 'Effectif',
  civility: 'Civilité',
  lastName: 'Nom',
  firstName: 'Prénom',
  email: 'E-mail',
  phone: 'Téléphone',
  joinedOn: "Date d'adhésion",
  duesAmount: 'Cotisation',
};

/**
 * Header names seen in branch exports, compared after folding (case, accents, punctuation and
 * units like "(€)" ignored). Order matters only for readability: a header maps to one field.
 */
export const DEFAULT_HEADER_NAMES: Readonly<Record<ImportField, readonly string[]>> = {
  companyName: ['raison sociale', 'denomination', 'denomination sociale', 'nom de l entreprise', 'entreprise', 'societe'],
  siren: ['siren', 'n siren', 'no siren', 'numero siren'],
  siret: ['siret', 'n siret', 'no siret', 'numero siret'],
  nafCode: ['code naf', 'naf', 'code ape', 'ape', 'code naf ape', 'naf ape'],
  addressLine: ['adresse', 'adresse postale', 'adresse ligne 1', 'rue'],
  postalCode: ['code postal', 'cp'],
  city: ['ville', 'commune', 'localite'],
  headcount: ['effectif', 'effectifs', 'tranche d effectif', 'tranche effectif', 'nombre de salaries'],
  civility: ['civilite'],
  lastName: ['nom du dirigeant', 'nom', 'nom du contact', 'nom de famille'],
  firstName: ['prenom', 'prenom du dirigeant', 'prenom du contact'],
  email: ['email', 'e mail', 'mail', 'courriel', 'adresse email', 'adresse e mail', 'adresse mail'],
  phone: ['telephone', 'tel', 'numero de telephone', 'portable', 'mobile'],
  joinedOn: ['date d adhesion', 'date adhesion', 'adhesion', 'adherent depuis'],
  duesAmount: ['cotisation', 'montant cotisation', 'montant de la cotisation', 'cotisation annuelle'],
};

/** A file column chosen for a field: its position and its header as written in the file. */
export interface MappedColumn {
  readonly index: number;
  readonly header: string;
}

export type ColumnMapping = Partial<Record<ImportField, MappedColumn>>;

/**
 * What staff chose on the mapping screen: the file header to use for a field, or null to ignore a
 * column the defaults would have picked. Unlisted fields keep the default matching.
 */
export type ColumnOverrides = Partial<Record<ImportField, string | null>>;

export interface ColumnMappingResult {
  readonly mapping: ColumnMapping;
  /** Headers that feed no field (shown to staff so a misspelt header is noticed). */
  readonly ignoredHeaders: readonly string[];
  /** Blocking: the file cannot be imported with this mapping. */
  readonly problems: readonly RuleViolation[];
}

function quoteList(headers: readonly string[]): string {
  return headers.map((header) => `« ${header} »`).join(', ');
}

/** Maps the file's header line to import fields; the company needs a name, a SIREN (or SIRET) and a postal code. */
export function mapColumns(headers: readonly string[], overrides: ColumnOverrides = {}): ColumnMappingResult {
  const folded = headers.map((header) => foldText(header));
  const mapping: ColumnMapping = {};
  const problems: RuleViolation[] = [];
  const taken = new Set<number>();

  for (const field of IMPORT_FIELDS) {
    const override = overrides[field];
    if (override === null) continue;
    const wanted = override === undefined ? DEFAULT_HEADER_NAMES[field] : [foldText(override)];
    const indexes = folded.flatMap((header, index) => (wanted.includes(header) && !taken.has(index) ? [index] : []));
    if (indexes.length === 0) {
      if (override !== undefined) {
        problems.push({
          code: 'column_not_found',
          message: `La colonne « ${override} » choisie pour « ${FIELD_LABELS[field]} » n'existe pas dans le fichier (colonnes : ${quoteList(headers)}).`,
        });
      }
      continue;
    }
    if (indexes.length > 1) {
      problems.push({
        code: 'column_ambiguous',
        message: `Plusieurs colonnes peuvent servir de « ${FIELD_LABELS[field]} » (${quoteList(indexes.map((index) => headers[index]!))}) : choisissez-en une.`,
      });
      continue;
    }
    const index = indexes[0]!;
    taken.add(index);
    mapping[field] = { index, header: headers[index]!.trim() };
  }

  const required: Array<[ImportField, boolean]> = [
    ['companyName', mapping.companyName !== undefined],
    ['siren', mapping.siren !== undefined || mapping.siret !== undefined],
    ['postalCode', mapping.postalCode !== undefined],
  ];
  for (const [field, present] of required) {
    if (!present && !problems.some((problem) => problem.message.includes(`« ${FIELD_LABELS[field]} »`))) {
      problems.push({
        code: 'column_missing',
        message: `Aucune colonne « ${FIELD_LABELS[field]} » n'a été trouvée (colonnes du fichier : ${quoteList(headers)}) : indiquez laquelle utiliser.`,
      });
    }
  }
  const ignoredHeaders = headers.filter((header, index) => !taken.has(index) && header.trim() !== '');
  return { mapping, ignoredHeaders, problems };
}
