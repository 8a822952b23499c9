export { parseSiren, formatSiren, generateSiren } from './identifiers/siren.js';
export { parseSiret, formatSiret, sirenOfSiret, LA_POSTE_SIREN } from './identifiers/siret.js';
export { parseNafCode, CURRENT_NAF_VERSION } from './classification/naf.js';
export { parseHeadcountBand } from './companies/headcount-band.js';
export { findCommunesByPostalCode, resolveCommune } from './geography/resolve-commune.js';
export { departementalUnionCode } from './geography/departemental-union.js';
export { parsePhone, phoneRegionOfDepartement } from './contacts/phone.js';
export { parseEmail } from './contacts/email.js';
export { parseCivility } from './contacts/civility.js';
export { parseFrenchDate } from './import/french-date.js';
export { parseFrenchAmount } from './import/french-amount.js';
export { readCsv } from './import/csv/read-csv.js';
export { CsvFileError } from './import/csv/csv-error.js';
export { mapColumns, IMPORT_FIELDS, FIELD_LABELS, DEFAULT_HEADER_NAMES, } from './import/column-mapping.js';
export { validateImportRow } from './import/validate-row.js';
export { describeRowProblem } from './import/import-record.js';
export { InFileDeduplicator, contactKey } from './import/in-file-deduplication.js';
export { openImportFile } from './import/read-import-file.js';
//# sourceMappingURL=index.js.map