import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { RuleViolation } from '../rule-result.js';
import { mapColumns, type ColumnMapping, type ColumnOverrides } from './column-mapping.js';
import { readCsv, type CsvReader, type CsvReadOptions } from './csv/read-csv.js';
import type { TextEncoding } from './csv/decode-bytes.js';
import { sniffFileFormat, type SpreadsheetFormat } from './file-format.js';
import { InFileDeduplicator, type DuplicateInfo } from './in-file-deduplication.js';
import type { RowValidation } from './import-record.js';
import { validateImportRow } from './validate-row.js';
import { readXlsx } from './xlsx/read-xlsx.js';

export interface ImportFileOptions extends CsvReadOptions {
  readonly columns?: ColumnOverrides;
}

/** A data row, located both as staff see it in Excel (`row`) and in the text (`line`). */
export type ImportRow = RowValidation & { readonly row: number; readonly line: number; readonly duplicate?: DuplicateInfo };

export interface ImportFile {
  /** Told apart by content (an XLSX file is a ZIP archive), never by the file name. */
  readonly format: SpreadsheetFormat;
  /** CSV only. */
  readonly encoding: TextEncoding | undefined;
  /** CSV only. */
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

const SLICE_BYTES = 64 * 1024;
/**
 * A buffered piece of the file is read from one promise to the next, never letting I/O in: the
 * database's answers to what the caller writes meanwhile (batches, report lines, the stored file)
 * would wait for hundreds of rows. A turn of the event loop costs about a third of a row's own
 * work (docs/perf.md, import), so the reader yields once this many milliseconds have passed.
 */
const YIELD_EVERY_MS = 0.2;

/**
 * A stored file as a source of 64 KiB slices: decoding and tokenising then work on small strings,
 * which halves the import's peak memory against one string of the whole file (docs/perf.md).
 */
export async function* bufferSlices(content: Buffer): AsyncGenerator<Uint8Array> {
  for (let start = 0; start < content.length; start += SLICE_BYTES) yield content.subarray(start, start + SLICE_BYTES);
}

/**
 * Opens an import: reads the header line, maps columns, then streams validated, de-duplicated
 * rows, numbered as in a spreadsheet (header = row 1).
 */
export async function openImportFile(source: AsyncIterable<Uint8Array>, options: ImportFileOptions = {}): Promise<ImportFile> {
  const { format, bytes } = await sniffFileFormat(source);
  const reader: CsvReader =
    format === 'xlsx' ? { encoding: undefined, separator: undefined, [Symbol.asyncIterator]: () => readXlsx(bytes) } : readCsv(bytes, options);
  const iterator = reader[Symbol.asyncIterator]();
  const first = await iterator.next();
  // Both readers throw on an empty file, so the first record is the header.
  const headers = first.done ? [] : first.value.fields;
  const { mapping, ignoredHeaders, problems } = mapColumns(headers, options.columns);
  const deduplicator = new InFileDeduplicator();

  async function* rows(): AsyncGenerator<ImportRow> {
    if (problems.length > 0) return;
    let lastYield = performance.now();
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      const { row, line, fields } = next.value;
      const validation = validateImportRow(fields, mapping);
      yield validation.ok ? { ...validation, row, line, duplicate: deduplicator.observe(row, validation.record) } : { ...validation, row, line };
      if (performance.now() - lastYield >= YIELD_EVERY_MS) {
        await yieldToEventLoop();
        lastYield = performance.now();
      }
    }
  }

  return {
    format,
    get encoding() {
      return reader.encoding;
    },
    get separator() {
      return reader.separator;
    },
    headers,
    mapping,
    ignoredHeaders,
    problems,
    rows: { [Symbol.asyncIterator]: () => rows() },
    deduplicator,
  };
}
