import { once } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { FRENCH_CSV_BOM, frenchCsvRow } from './french-csv.js';

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export interface TableStream {
  format: ExportFormat;
  headers: readonly string[];
  /** Rows arrive in batches (one keyset page each): only one batch is in memory at a time. */
  batches: AsyncIterable<ReadonlyArray<readonly unknown[]>>;
  /**
   * Called once, before the last byte when the export completes (so the audit event is committed when
   * the client has the file), or when it stops early (client gone, database error).
   */
  onEnd: (rowCount: number, completed: boolean) => Promise<void>;
}

/** The export as a byte stream: CSV for French Excel, or an XLSX workbook written row by row. */
export function streamTable(table: TableStream): Readable {
  return table.format === 'csv' ? Readable.from(csvChunks(table)) : xlsxStream(table);
}

async function* csvChunks(table: TableStream): AsyncGenerator<string> {
  let count = 0;
  let completed = false;
  try {
    yield FRENCH_CSV_BOM + frenchCsvRow(table.headers);
    for await (const batch of table.batches) {
      count += batch.length;
      // One chunk per batch: far fewer stream chunks than one per row, still bounded by the batch size.
      if (batch.length > 0) yield batch.map(frenchCsvRow).join('');
    }
    completed = true;
  } finally {
    await table.onEnd(count, completed);
  }
}

function xlsxStream(table: TableStream): Readable {
  const output = new PassThrough();
  // No shared strings and no styles: both would keep every row in memory until the end.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet('Export');
  void (async () => {
    let count = 0;
    try {
      sheet.addRow([...table.headers]).commit();
      for await (const batch of table.batches) {
        for (const row of batch) sheet.addRow(row.map(xlsxValue)).commit();
        count += batch.length;
        if (output.destroyed) throw new Error('export aborted by the client');
        // Wait for the client to take what was zipped so far before fetching the next batch.
        if (output.writableNeedDrain) await once(output, 'drain');
      }
      sheet.commit();
      await table.onEnd(count, true);
      await workbook.commit();
    } catch (error) {
      await table.onEnd(count, false).catch(() => {});
      output.destroy(error as Error);
    }
  })();
  return output;
}

function xlsxValue(value: unknown): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string' || value instanceof Date) return value;
  return String(value);
}
