import { type CsvRecord } from './csv-tokenizer.js';
import { type TextEncoding } from './decode-bytes.js';
export interface CsvReadOptions {
    /** Forces the separator instead of detecting it from the header line. */
    readonly separator?: ';' | ',' | '\t';
}
export interface CsvReader extends AsyncIterable<CsvRecord> {
    /** Known once the first non-ASCII bytes (or the end) have been read. */
    readonly encoding: TextEncoding | undefined;
    /** Known once the header line has been read. */
    readonly separator: string | undefined;
}
/**
 * Streams the records of a CSV file (header included) from its bytes, e.g. a `Readable` from
 * `fs.createReadStream` or a multipart upload: memory stays constant whatever the number of rows.
 * Can be iterated once.
 */
export declare function readCsv(source: AsyncIterable<Uint8Array>, options?: CsvReadOptions): CsvReader;
