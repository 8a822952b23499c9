import { Readable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { CsvFileError } from './csv-error.js';
import { readCsv } from './read-csv.js';

const cp1252 = (text: string): Uint8Array =>
  Uint8Array.from([...text].map((char) => ({ '€': 0x80, '’': 0x92, 'œ': 0x9c })[char] ?? char.charCodeAt(0)));

/** Splits bytes into chunks of `size` so that every boundary case (inside quotes, CRLF, multi-byte) is crossed. */
function chunked(bytes: Uint8Array, size: number): AsyncIterable<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for (let start = 0; start < bytes.length; start += size) chunks.push(bytes.subarray(start, start + size));
  return Readable.from(chunks);
}

async function readAll(bytes: Uint8Array, size = 1 << 16) {
  const reader = readCsv(chunked(bytes, size));
  const records = [];
  for await (const record of reader) records.push(record);
  return { records, encoding: reader.encoding, separator: reader.separator };
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('readCsv', () => {
  it('parses quoted fields with separators, doubled quotes and line breaks, at any chunk size', async () => {
    const text = 'Nom;Adresse;Note\r\n"Société ""Les Délices; du Terroir""";"Zone artisanale\r\nBâtiment B";ok\r\nSimple;rue;\r\n';
    for (const size of [1, 2, 3, 7, 1 << 16]) {
      const { records, encoding, separator } = await readAll(utf8(text), size);
      expect(separator).toBe(';');
      expect(encoding).toBe('utf-8');
      expect(records).toEqual([
        { row: 1, line: 1, fields: ['Nom', 'Adresse', 'Note'] },
        { row: 2, line: 2, fields: ['Société "Les Délices; du Terroir"', 'Zone artisanale\nBâtiment B', 'ok'] },
        { row: 3, line: 4, fields: ['Simple', 'rue', ''] },
      ]);
    }
  });

  it('detects Windows-1252 when the bytes are not valid UTF-8', async () => {
    const { records, encoding } = await readAll(cp1252('Nom;Cotisation (€)\nLefèvre;1 250,00\nCœur;0\n'), 5);
    expect(encoding).toBe('windows-1252');
    expect(records.map((record) => record.fields)).toEqual([['Nom', 'Cotisation (€)'], ['Lefèvre', '1 250,00'], ['Cœur', '0']]);
  });

  it('decodes Windows-1252 punctuation in the last chunk too', async () => {
    const { records } = await readAll(cp1252('Nom;Note\nA;€ œ ’'), 1 << 16);
    expect(records[1]!.fields).toEqual(['A', '€ œ ’']);
  });

  it('strips a UTF-8 BOM and detects UTF-8 without one', async () => {
    const withBom = await readAll(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('Prénom;Nom\nZoé;Faure')]), 2);
    expect(withBom.records.map((record) => record.fields)).toEqual([['Prénom', 'Nom'], ['Zoé', 'Faure']]);
    const withoutBom = await readAll(utf8('Prénom;Nom\nZoé;Faure'), 1);
    expect(withoutBom.encoding).toBe('utf-8');
    expect(withoutBom.records[1]!.fields).toEqual(['Zoé', 'Faure']);
  });

  it('detects the comma separator, ignoring commas inside quotes', async () => {
    const { records, separator } = await readAll(utf8('name,amount,"note; with semicolons; here"\nA,"1,5",x\n'));
    expect(separator).toBe(',');
    expect(records[1]!.fields).toEqual(['A', '1,5', 'x']);
  });

  it('accepts LF and lone CR line ends, and skips blank lines and rows of empty cells', async () => {
    const { records } = await readAll(utf8('a;b\n1;2\n\n;;\r3;4'));
    expect(records).toEqual([
      { row: 1, line: 1, fields: ['a', 'b'] },
      { row: 2, line: 2, fields: ['1', '2'] },
      { row: 5, line: 5, fields: ['3', '4'] },
    ]);
  });

  it('refuses an unterminated quote, an empty file and UTF-16', async () => {
    await expect(readAll(utf8('a;b\n"open;2\n3;4\n'))).rejects.toMatchObject({ code: 'csv_unterminated_quote', message: expect.stringContaining('Ligne 2') });
    await expect(readAll(utf8('\r\n;;\r\n'))).rejects.toBeInstanceOf(CsvFileError);
    await expect(readAll(new Uint8Array(0))).rejects.toMatchObject({ code: 'csv_empty' });
    await expect(readAll(Uint8Array.from([0xff, 0xfe, 0x61, 0x00]))).rejects.toMatchObject({ code: 'csv_encoding_unsupported' });
  });

  it('refuses a file that switches encodings midway', async () => {
    const bytes = Uint8Array.from([...utf8('a;b\nZoé;1\n'), ...cp1252('Lefèvre;2\n')]);
    await expect(readAll(bytes, 4)).rejects.toMatchObject({ code: 'csv_encoding_mixed' });
  });

  it('streams 250,000 rows in constant memory', async () => {
    const rows = 250_000;
    async function* generate(): AsyncGenerator<Uint8Array> {
      yield cp1252('Raison sociale;SIREN;Cotisation (€)\r\n');
      const batch: string[] = [];
      for (let index = 0; index < rows; index += 1) {
        batch.push(`"Entreprise ${index}; et fils";732 829 320;1 250,00\r\n`);
        if (batch.length === 1_000) {
          yield cp1252(batch.join(''));
          batch.length = 0;
        }
      }
    }
    const before = retainedHeap();
    let count = 0;
    let peak = 0;
    for await (const record of readCsv(generate())) {
      count += 1;
      if (count % 50_000 === 0) peak = Math.max(peak, retainedHeap() - before);
      if (count === rows + 1) expect(record.fields[0]).toBe(`Entreprise ${rows - 1}; et fils`);
    }
    expect(count).toBe(rows + 1);
    // Holding the rows would take well over 100 MB; streaming retains a few dozen at most.
    expect(peak).toBeLessThan(64 * 1024 * 1024);
  });
});

/**
 * Heap still in use after a full collection: what streaming must bound. Garbage awaiting collection
 * depends on what else the worker ran before (test files share it), so it is collected first.
 */
function retainedHeap(): number {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
  return process.memoryUsage().heapUsed;
}
