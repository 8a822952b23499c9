import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import ExcelJS from 'exceljs';
import type { CsvRecord } from '../csv/csv-tokenizer.js';
import { ImportFileError } from '../import-file-error.js';

/**
 * Streams the rows of the first worksheet of an XLSX workbook as text records, like readCsv: the
 * header is the first row, `row` is the row number Excel shows. Cells are turned into the text a
 * French user would have typed (dates dd/mm/yyyy, decimal numbers as written), so that the same
 * validation applies to both formats. Memory: the compressed workbook, held whole (see below), plus one row (exceljs streaming reader).
 */
export async function* readXlsx(source: AsyncIterable<Uint8Array>): AsyncGenerator<CsvRecord> {
  // Held whole (compressed, the size of the upload): a ZIP archive's directory is at its end anyway,
  // and a read that lost an entry (below) starts again from the first byte.
  const workbook = await buffer(source);
  for (let attempt = 1; ; attempt++) {
    let count = 0;
    try {
      for await (const record of workbookRecords(workbook)) {
        count++;
        yield record;
      }
    } catch {
      if (count === 0 && attempt < READ_ATTEMPTS) continue;
      throw new ImportFileError('xlsx_unreadable', "Le classeur Excel n'a pas pu être lu : enregistrez-le de nouveau au format .xlsx ou en CSV.");
    }
    if (count > 0) return;
    if (attempt >= READ_ATTEMPTS) throw new ImportFileError('file_empty', "Le fichier est vide : il ne contient même pas de ligne d'en-tête.");
  }
}

/**
 * exceljs's streaming reader sometimes loses a zip entry (exceljs issue #3064, about one read in 400
 * here): the sheet list `xl/workbook.xml` (exceljs writes it last), the shared strings (every text cell
 * then comes back as `{ sharedString: n }`, read as empty) or a worksheet (no rows). Such a read is
 * detected before its first row is handed over and made again; a damaged file fails every time.
 */
const READ_ATTEMPTS = 3;

class LostEntryError extends Error {}

async function* workbookRecords(workbook: Buffer): AsyncGenerator<CsvRecord> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([workbook]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    entries: 'emit',
  });
  // Without the sheet list only its names are missing: start from an empty one, which the entry
  // replaces when it does arrive (otherwise exceljs fails on "reading 'sheets'").
  Object.assign(reader, { model: { sheets: [] } });
  for await (const worksheet of reader) {
    for await (const row of worksheet) {
      const values = Array.isArray(row.values) ? row.values : [];
      if (values.some(isSharedStringReference)) throw new LostEntryError('shared strings lost');
      // exceljs numbers cells from 1: index 0 is always empty.
      const fields = values.slice(1).map(cellText);
      for (let index = 0; index < fields.length; index++) fields[index] ??= '';
      yield { row: row.number, line: row.number, fields: fields as string[] };
    }
    // Only the first worksheet holds the list; others (notes, pivot tables) are ignored.
    break;
  }
}

/** A text cell whose shared string was never read (`sharedStrings: 'cache'` resolves them all otherwise). */
function isSharedStringReference(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'sharedString' in value;
}

type Cell = ExcelJS.CellValue;

/** The text of a cell as staff see it in Excel. */
export function cellText(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(10)));
  if (typeof value === 'boolean') return value ? 'VRAI' : 'FAUX';
  if (value instanceof Date) return frenchDate(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('text' in value && typeof value.text === 'string') return value.text;
  if ('result' in value) return value.result === undefined ? '' : cellText(value.result as Cell);
  if ('error' in value) return '';
  return '';
}

// Excel stores dates as day numbers without time zone; exceljs hands them over as UTC midnight.
function frenchDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.getUTCDate())}/${pad(date.getUTCMonth() + 1)}/${date.getUTCFullYear()}`;
}
