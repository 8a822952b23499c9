import { type ColumnMapping } from './column-mapping.js';
import type { RowValidation } from './import-record.js';
/**
 * Checks one data row against every rule and collects all its problems at once, so staff fix a
 * row in one pass. Optional columns (NAF, address, effectif, contact, date, dues) may be empty;
 * when filled they must be valid. The company needs a name, a SIREN (or SIRET) and a commune.
 */
export declare function validateImportRow(cells: readonly string[], mapping: ColumnMapping): RowValidation;
