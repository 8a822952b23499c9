import { createReadStream, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeRowProblem } from './import-record.js';
import { openImportFile, type ImportRow } from './read-import-file.js';

// The reference export of a branch office (Windows-1252, `;`, CRLF, Excel quoting): read-only.
// The reference inputs live in shared/ beside the repository (the same layout in CI).
const FIXTURE = fileURLToPath(new URL('../../../../../../../shared/fixtures/import/adherents-export-excel.csv', import.meta.url));

async function importAll(source: AsyncIterable<Uint8Array>) {
  const file = await openImportFile(source);
  const rows: ImportRow[] = [];
  for await (const row of file.rows) rows.push(row);
  return { file, rows, valid: rows.filter((row) => row.ok), rejected: rows.filter((row) => !row.ok) };
}

describe('import of the reference Excel export', () => {
  let result: Awaited<ReturnType<typeof importAll>>;

  beforeAll(async () => {
    result = await importAll(createReadStream(FIXTURE, { highWaterMark: 4096 }));
  });

  it('reads the file as Windows-1252 with ; and maps every column', () => {
    expect(result.file.encoding).toBe('windows-1252');
    expect(result.file.separator).toBe(';');
    expect(result.file.problems).toEqual([]);
    expect(result.file.ignoredHeaders).toEqual([]);
    expect(result.rows).toHaveLength(297);
  });

  it('rejects exactly the 8 faulty rows, each with a reason naming the column', () => {
    const report = result.rejected.flatMap((row) => (row.ok ? [] : row.problems.map((problem) => describeRowProblem(row.row, problem))));
    expect(report).toHaveLength(8);
    const expected: Array<[column: string, code: string, excerpt: string]> = [
      ['SIREN', 'siren_checksum', 'clé de contrôle'],
      ['SIREN', 'siren_length', '8 chiffres au lieu de 9'],
      ['Raison sociale', 'company_name_required', 'raison sociale'],
      ['Email', 'email_invalid', "n'est pas valide"],
      ['Code postal', 'postal_code_unknown', "99999 n'existe pas"],
      ['Code NAF', 'naf_unknown', "n'existe pas dans la nomenclature NAF rév. 2"],
      ["Date d'adhésion", 'date_invalid', '31/02/2024'],
      ['Cotisation (€)', 'amount_format', 'gratuit'],
    ];
    const problems = result.rejected.flatMap((row) => (row.ok ? [] : row.problems));
    expect(problems.map((problem) => [problem.column, problem.code])).toEqual(expected.map(([column, code]) => [column, code]));
    problems.forEach((problem, index) => expect(problem.message).toContain(expected[index]![2]));
    expect(report[0]).toMatch(/^Ligne \d+, colonne « SIREN » : Le SIREN « .+ » est invalide/);
  });

  it('keeps the quoted name with ; and " and the address over two lines', () => {
    const names = result.valid.map((row) => (row.ok ? row.record.company.name : ''));
    expect(names).toContain('Société "Les Délices; du Terroir"');
    const hotel = result.valid.find((row) => row.ok && row.record.company.address.line === 'Zone artisanale Bâtiment B');
    expect(hotel).toBeDefined();
  });

  it('collapses the company and person repeated with an e-mail in capitals', () => {
    const duplicates = result.valid.filter((row) => row.duplicate?.companyFirstRow !== null);
    expect(duplicates).toHaveLength(1);
    expect(duplicates[0]!.duplicate).toMatchObject({ companyFirstRow: expect.any(Number), contactFirstRow: expect.any(Number), warnings: [] });
    expect(result.file.deduplicator.companyCount).toBe(288);
    expect(result.file.deduplicator.contactCount).toBe(288);
  });

  it('accepts rows without phone or without e-mail', () => {
    const records = result.valid.flatMap((row) => (row.ok ? [row.record] : []));
    expect(records.some((record) => record.contact?.phone === null && record.contact.email !== null)).toBe(true);
    expect(records.some((record) => record.contact?.email === null && record.contact.phone !== null)).toBe(true);
  });

  it("attaches every valid row to its commune's département, Corsica and overseas included", () => {
    const require = createRequire(import.meta.url);
    const communes = require('@etalab/decoupage-administratif/data/communes.json') as Array<{ code: string; departement: string }>;
    const departementOf = new Map(communes.map((commune) => [commune.code, commune.departement]));
    const unions = new Set(
      (require('@etalab/decoupage-administratif/data/departements.json') as Array<{ code: string; zone: string }>)
        .filter((departement) => departement.zone !== 'com')
        .map((departement) => departement.code),
    );
    const records = result.valid.flatMap((row) => (row.ok ? [row.record] : []));
    for (const { company, unionDepartementCode } of records) {
      expect(departementOf.get(company.address.communeInseeCode)).toBe(company.address.departementCode);
      expect(unions.has(unionDepartementCode)).toBe(true);
    }
    const byPostalCode = (postalCode: string) => records.filter((record) => record.company.address.postalCode === postalCode).map((record) => record.unionDepartementCode);
    expect(byPostalCode('20000')).toEqual(['2A']);
    expect(byPostalCode('20200')).toEqual(['2B']);
    expect(byPostalCode('97427')).toEqual(['974']);
    expect(byPostalCode('97223')).toEqual(['972']);
    expect(new Set(records.filter((record) => record.company.address.postalCode.startsWith('20')).map((record) => record.unionDepartementCode))).toEqual(new Set(['2A', '2B']));
  });

  it('normalises identifiers, NAF codes, phones, dates and dues', () => {
    const first = result.valid[0]!;
    expect(first.ok && first.record).toMatchObject({
      company: {
        siren: '950537704',
        name: 'Maçonnerie Moreau & Fils',
        naf: { code: '43.99C', version: 'NAF_REV2' },
        headcountBand: '21',
        address: { postalCode: '45410', communeInseeCode: '45008', communeName: 'Artenay', departementCode: '45' },
      },
      contact: { civility: 'MME', lastName: 'Moreau', firstName: 'Noël', email: { key: 'noel.moreau@free.fr' }, phone: '+33654741648' },
      membership: { joinedOn: '2019-08-09', duesCents: 17_500, currency: 'EUR' },
      unionDepartementCode: '45',
    });
    const records = result.valid.flatMap((row) => (row.ok ? [row.record] : []));
    expect(records.every((record) => record.company.naf === null || /^\d{2}\.\d{2}[A-Z]$/.test(record.company.naf.code))).toBe(true);
    expect(records.some((record) => record.membership.duesCents! >= 100_000)).toBe(true);
  });

  it('gives the same result from the same content saved as UTF-8 with BOM, and on a second run', async () => {
    // stream: true works around Node 20 decoding windows-1252 as Latin-1 in one-shot mode.
    const text = new TextDecoder('windows-1252').decode(readFileSync(FIXTURE), { stream: true });
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    const again = await importAll(Readable.from([utf8]));
    expect(again.file.encoding).toBe('utf-8');
    expect(again.rows).toEqual(result.rows);
  });
});
