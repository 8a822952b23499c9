/**
 * CRM module — public surface for other modules. For now the pure domain rules (issue 4):
 * identifiers, activity classification, geography, contact details and the member-file import.
 * Companies (organisations) are the first slice of the CRM API.
 */
export type { RuleResult, RuleViolation } from './rule-result.js';

// Companies (ADR 0007): routes, permissions, and what other modules may read.
export { registerOrganizations } from './organizations/register.js';
export { ORGANIZATION_PERMISSIONS } from './organizations/permissions.js';
export type { Organization, OrganizationLink } from './organizations/organizations.schema.js';
export { LINK_STATUSES, type LinkStatus } from './organizations/organizations.tables.js';

export { parseSiren, formatSiren, generateSiren, type Siren } from './identifiers/siren.js';
export { parseSiret, formatSiret, sirenOfSiret, LA_POSTE_SIREN, type Siret } from './identifiers/siret.js';
export { parseNafCode, CURRENT_NAF_VERSION, type NafActivity, type NafVersion } from './classification/naf.js';
export { parseHeadcountBand, type HeadcountBandCode } from './companies/headcount-band.js';

export { findCommunesByPostalCode, resolveCommune, type ResolvedCommune } from './geography/resolve-commune.js';
export type { Commune } from './geography/postal-code-index.js';
export { departementalUnionCode } from './geography/departemental-union.js';

export { parsePhone, phoneRegionOfDepartement, type E164Phone } from './contacts/phone.js';
export { parseEmail, type NormalisedEmail } from './contacts/email.js';
export { parseCivility, type Civility } from './contacts/civility.js';

export { parseFrenchDate } from './import/french-date.js';
export { parseFrenchAmount } from './import/french-amount.js';
export { readCsv, type CsvReader, type CsvReadOptions } from './import/csv/read-csv.js';
export type { CsvRecord } from './import/csv/csv-tokenizer.js';
export { CsvFileError } from './import/csv/csv-error.js';
export {
  mapColumns,
  IMPORT_FIELDS,
  FIELD_LABELS,
  DEFAULT_HEADER_NAMES,
  type ImportField,
  type ColumnMapping,
  type ColumnOverrides,
  type ColumnMappingResult,
} from './import/column-mapping.js';
export { validateImportRow } from './import/validate-row.js';
export { describeRowProblem, type ImportRecord, type RowProblem, type RowValidation } from './import/import-record.js';
export { InFileDeduplicator, contactKey, type DuplicateInfo } from './import/in-file-deduplication.js';
export { openImportFile, type ImportFile, type ImportFileOptions, type ImportRow } from './import/read-import-file.js';
