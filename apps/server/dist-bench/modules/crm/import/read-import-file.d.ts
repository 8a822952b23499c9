import type { RuleViolation } from '../rule-result.js';
import { type ColumnMapping, type ColumnOverrides } from './column-mapping.js';
import { type CsvReadOptions } from './csv/read-csv.js';
import type { TextEncoding } from './csv/decode-bytes.js';
import { InFileDeduplicator, type DuplicateInfo } from './in-file-deduplication.js';
import type { RowValidation } from './import-record.js';
export interface ImportFileOptions extends CsvReadOptions {
    readonly columns?: ColumnOverrides;
}
/** A data row, located both as staff see it in Excel (`row`) and in the text (`line`). */
export type ImportRow = RowValidation & {
    readonly row: number;
    readonly line: number;
    readonly duplicate?: DuplicateInfo;
};
export interface ImportFile {
    readonly encoding: TextEncoding | undefined;
    readonly separator: string | undefined;
    readonly headers: readonly string[];
    readonly mapping: ColumnMapping;
    readonly ignoredHeaders: readonly string[];
    /** Blocking header problems: when non-empty, `rows` yields nothing. */
    readonly problems: readonly RuleViolation[];
    /** Valid rows carry `duplicate` (first lines of their company/contact); read once, in file order. */
    readonly rows: AsyncIterable<ImportRow>;
    readonly deduplicator: InFileDeduplicator;
}
/**
 * Opens an import: reads the header line, maps columns, then streams validated, de-duplicated
 * rows, numbered as in a spreadsheet (header = row 1).
 */
export declare function openImportFile(source: AsyncIterable<Uint8Array>, options?: ImportFileOptions): Promise<ImportFile>;
