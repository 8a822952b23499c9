import { ImportFileError } from './import-file-error.js';

export type SpreadsheetFormat = 'csv' | 'xlsx';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
// Excel 97-2003 (.xls) and other OLE2 compound documents.
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0];

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((byte, index) => bytes[index] === byte);

/**
 * Tells an XLSX workbook (a ZIP archive) from a CSV text by its first bytes, and hands back a
 * source that replays them. Old .xls workbooks are refused with a hint rather than read as text.
 */
export async function sniffFileFormat(source: AsyncIterable<Uint8Array>): Promise<{ format: SpreadsheetFormat; bytes: AsyncIterable<Uint8Array> }> {
  const iterator = source[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let length = 0;
  let done = false;
  while (length < ZIP.length) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    head.push(next.value);
    length += next.value.length;
  }
  const first = Buffer.concat(head);
  if (startsWith(first, OLE2)) {
    throw new ImportFileError('xls_unsupported', "Les classeurs Excel 97-2003 (.xls) ne sont pas acceptés : enregistrez le fichier au format .xlsx ou CSV.");
  }
  async function* replay(): AsyncGenerator<Uint8Array> {
    if (first.length > 0) yield first;
    if (done) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return { format: startsWith(first, ZIP) ? 'xlsx' : 'csv', bytes: replay() };
}
