import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withOwnerClient, withTransaction } from '../../../platform/db/index.js';
import { EntityTreeCache } from '../../../platform/tenancy/entity-tree.js';
import { generateSiren } from '../index.js';
import { createUser, signIn, type SignedIn } from '../../../test/auth.js';
import { createSmallNetwork } from '../../../test/factories/entities.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { deleteImportJobsOlderThan } from './import-jobs.repository.js';
import { IMPORT_JOB_RETENTION_DAYS } from './import.jobs.js';
import { runImportJob } from './import-run.service.js';
import { MAX_IMPORT_FILE_BYTES } from './imports.routes.js';
import type { ImportJob } from './imports.schema.js';
import { lyonCompaniesCsv, upload, uploadOk, waitForImport } from '../../../test/factories/imports.js';

// The reference export of a branch office (Windows-1252, `;`, CRLF): read-only, see shared/fixtures/README.md.
const FIXTURE = fileURLToPath(new URL('../../../../../../../shared/fixtures/import/adherents-export-excel.csv', import.meta.url));

/** The rows with a long ignored column appended, so the file is large enough to be stored in several pieces. */
function withCommentColumn(header: string, rows: readonly string[], observations: number): Buffer {
  const note = `,${'Observation '.repeat(observations)}`;
  return Buffer.from([`${header},Commentaire`, ...rows.map((row) => row + note)].join('\n') + '\n');
}

describe('imports API', () => {
  let t: TestApp;
  let ids: Record<string, string>;
  let national: SignedIn;
  let rhone: SignedIn;
  let paris: SignedIn;
  const fixture = { name: 'adhérents.csv', content: readFileSync(FIXTURE) };

  const call = (who: SignedIn, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: who.headers(method), ...(payload === undefined ? {} : { payload: payload as object }) });
  const count = (sql: string, params: unknown[] = []) =>
    withOwnerClient(t.testDatabase.database, async (client) => (await client.query<{ n: number }>(sql, params)).rows[0]!.n);

  beforeAll(async () => {
    t = await createTestApp();
    ids = (await createSmallNetwork(t.testDatabase.database)).ids;
    await createUser(t, { email: 'manager.fr@import.test', roleCode: 'manager', entityId: ids.FR! });
    await createUser(t, { email: 'manager.69@import.test', roleCode: 'manager', entityId: ids['69']! });
    await createUser(t, { email: 'manager.75@import.test', roleCode: 'manager', entityId: ids['75']! });
    national = await signIn(t.app, 'manager.fr@import.test');
    rhone = await signIn(t.app, 'manager.69@import.test');
    paris = await signIn(t.app, 'manager.75@import.test');
  });
  afterAll(() => t?.close());

  describe('the reference Windows-1252 ; export', () => {
    let firstRun: ImportJob;

    it('dry-runs the file: encoding, separator, mapping and the 8 rejected rows in French, nothing written', async () => {
      const dryRun = await uploadOk(t.app, national, fixture);
      expect(dryRun).toMatchObject({ encoding: 'windows-1252', separator: ';', ignoredHeaders: [] });
      expect(dryRun.job).toMatchObject({
        status: 'dry_run_done',
        fileFormat: 'csv',
        entityId: ids.FR,
        rows: { total: 297, valid: 289, rejected: 8, done: 0, created: 0 },
        columns: { companyName: 'Raison sociale', siren: 'SIREN', lastName: 'Nom du dirigeant' },
        percent: 0,
      });
      const rejected = dryRun.report.filter((row) => row.status === 'rejected');
      expect(rejected).toHaveLength(8);
      expect(rejected.map((row) => row.problems[0]!.column)).toContain('Code postal');
      expect(rejected.find((row) => row.problems[0]!.code === 'date_invalid')!.problems[0]!.message).toContain('31/02/2024');
      expect(await count('SELECT count(*)::int AS n FROM organizations')).toBe(0);

      const report = await call(national, 'GET', dryRun.job.errorsUrl);
      expect(report.statusCode).toBe(200);
      expect(report.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(report.headers['content-disposition']).toContain('rapport.csv');
      expect(report.body.startsWith('\uFEFFLigne;Statut;Colonne;Code;Message\r\n')).toBe(true);
      const lines = report.body.trim().split('\r\n').slice(1);
      expect(lines.filter((line) => line.includes(';Rejetée;'))).toHaveLength(8);
      expect(lines.some((line) => /^\d+;Rejetée;SIREN;siren_checksum;/.test(line))).toBe(true);

      const queued = await call(national, 'POST', `/api/v1/imports/${dryRun.job.id}/run`);
      expect(queued.statusCode).toBe(202);
      expect(queued.json()).toMatchObject({ status: 'queued' });
      expect((await call(national, 'POST', `/api/v1/imports/${dryRun.job.id}/run`)).json()).toMatchObject({ code: 'import_in_progress' });
      firstRun = await waitForImport(t.app, national, dryRun.job.id);
    });

    it('creates one company and one contact per distinct row, attached to its union within the importer', async () => {
      expect(firstRun).toMatchObject({
        status: 'completed',
        percent: 100,
        lastError: null,
        rows: { total: 297, done: 297, rejected: 8, created: 288, updated: 0, unchanged: 1 },
      });
      expect(await count('SELECT count(*)::int AS n FROM organizations')).toBe(288);
      expect(await count('SELECT count(*)::int AS n FROM organization_links')).toBe(288);
      expect(await count('SELECT count(*)::int AS n FROM persons')).toBe(288);
      expect(await count(`SELECT count(*)::int AS n FROM affiliations WHERE role = 'dirigeant'`)).toBe(288);
      // Corsica-du-Sud and Paris have unions in this network: their companies and contacts go there.
      const inUnion = (code: string) =>
        count(
          `SELECT count(*)::int AS n FROM organization_links l JOIN organizations o ON o.id = l.organization_id
           WHERE l.entity_id = $1 AND o.departement_code = $2`,
          [ids[code], code],
        );
      expect(await inUnion('2A')).toBeGreaterThan(0);
      expect(await count(`SELECT count(*)::int AS n FROM organization_links WHERE attached_by = 'derived' AND entity_id <> ALL($1)`, [[ids['2A'], ids['69'], ids['75']]])).toBe(0);
      expect(await count(`SELECT count(*)::int AS n FROM organization_links WHERE attached_by = 'manual' AND entity_id <> $1`, [ids.FR])).toBe(0);
      expect(await count(`SELECT count(*)::int AS n FROM organizations o JOIN organization_links l ON l.organization_id = o.id WHERE o.departement_code = '2A' AND l.entity_id <> $1`, [ids['2A']])).toBe(0);
      expect(await count('SELECT count(*)::int AS n FROM persons p WHERE NOT EXISTS (SELECT 1 FROM affiliations a WHERE a.person_id = p.id AND a.entity_id = p.entity_id)')).toBe(0);
    });

    it('changes nothing when the same file is imported again', async () => {
      const again = await uploadOk(t.app, national, fixture);
      await call(national, 'POST', `/api/v1/imports/${again.job.id}/run`);
      const done = await waitForImport(t.app, national, again.job.id);
      expect(done.rows).toMatchObject({ done: 297, created: 0, updated: 0, unchanged: 289, rejected: 8 });
      expect(await count('SELECT count(*)::int AS n FROM organizations')).toBe(288);
      expect(await count('SELECT count(*)::int AS n FROM persons')).toBe(288);
      expect((await call(national, 'POST', `/api/v1/imports/${again.job.id}/run`)).json()).toMatchObject({ code: 'import_completed' });
    });
  });

  it('resumes after a failed batch without a half-written batch nor a duplicate', async () => {
    const { csv, sirens } = lyonCompaniesCsv(500_000, 120);
    const dryRun = await uploadOk(t.app, rhone, { name: 'lyon.csv', content: csv });
    expect(dryRun.job).toMatchObject({ entityId: ids['69'], rows: { total: 120, rejected: 0 } });
    // The 70th company (spreadsheet row 71, in the third batch of 25) fails once, as a crash would.
    await withOwnerClient(t.testDatabase.database, (client) =>
      client.query(`
        CREATE SEQUENCE import_test_failures;
        CREATE FUNCTION import_test_fail_once() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.siren = '${sirens[69]}' AND nextval('import_test_failures') = 1 THEN RAISE EXCEPTION 'disk full'; END IF;
          RETURN NEW;
        END $$;
        CREATE TRIGGER import_test_fail_once BEFORE INSERT ON organizations FOR EACH ROW EXECUTE FUNCTION import_test_fail_once();`),
    );
    // Run it as the bus worker would once queued, with small batches, to observe the state after the failure, and the
    // stored file read back in pieces much smaller than it (rows cut across pieces).
    await withOwnerClient(t.testDatabase.database, (client) => client.query(`UPDATE import_jobs SET status = 'queued' WHERE id = $1`, [dryRun.job.id]));
    const deps = { database: t.testDatabase.database, entityTree: EntityTreeCache.fromDatabase(t.testDatabase.database) };
    expect(csv.length).toBeGreaterThan(3 * 1000);
    await expect(runImportJob(deps, dryRun.job.id, { batchSize: 25, fileChunkBytes: 1000 })).rejects.toThrow('disk full');

    const failed = (await call(rhone, 'GET', `/api/v1/imports/${dryRun.job.id}`)).json<ImportJob>();
    expect(failed).toMatchObject({ status: 'failed', percent: 41, rows: { done: 50, created: 50 }, attempts: 1 });
    expect(failed.lastError).toContain('ligne 52');
    const written = () => count('SELECT count(*)::int AS n FROM organizations WHERE siren = ANY($1)', [sirens]);
    expect(await written()).toBe(50);
    expect(await count(`SELECT count(*)::int AS n FROM person_emails WHERE email LIKE 'alix.5%@exemple.fr'`)).toBe(50);

    expect((await call(rhone, 'POST', `/api/v1/imports/${dryRun.job.id}/run`)).statusCode).toBe(202);
    const done = await waitForImport(t.app, rhone, dryRun.job.id);
    expect(done).toMatchObject({ status: 'completed', attempts: 2, lastError: null, rows: { done: 120, created: 120, updated: 0, unchanged: 0 } });
    expect(await written()).toBe(120);
    const affiliated = `SELECT count(DISTINCT a.person_id)::int AS n FROM affiliations a JOIN organizations o ON o.id = a.organization_id
      WHERE o.siren = ANY($1) AND a.entity_id = $2`;
    expect(await count(affiliated, [sirens, ids['69']])).toBe(120);
    expect(await count(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'crm.import.resumed' AND resource_id = $1`, [dryRun.job.id])).toBe(1);

    // The same file with one company renamed and one contact's phone changed: exactly those two rows are updated.
    const edited = csv.toString().replace('Entreprise 500000,', 'Entreprise 500000 SARL,').replace('alix.500001@exemple.fr,04 78 00 00 01', 'alix.500001@exemple.fr,04 78 99 99 99');
    const second = await uploadOk(t.app, rhone, { name: 'lyon.csv', content: Buffer.from(edited) });
    await call(rhone, 'POST', `/api/v1/imports/${second.job.id}/run`);
    expect((await waitForImport(t.app, rhone, second.job.id)).rows).toMatchObject({ created: 0, updated: 2, unchanged: 118 });
    expect(await count(`SELECT count(*)::int AS n FROM organizations WHERE name = 'Entreprise 500000 SARL' AND version = 2`)).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM persons WHERE phone = '+33478999999'`)).toBe(1);
  });

  it('writes companies and people repeated across batches once, and rolls the next batch back with a failed one', async () => {
    // Batches of two rows: a batch writes its companies while the one before writes its people and commits.
    const sirens = Array.from({ length: 6 }, (_, index) => generateSiren(700_000 + index));
    const [alpha, beta, gamma, delta, epsilon, zeta] = sirens;
    const csv = Buffer.from(
      [
        'Raison sociale,SIREN,Code postal,Ville,Nom,Prénom,Email',
        `Atelier Alpha,${alpha},69001,Lyon,Durand,Alix,alix.durand@alpha.fr`,
        `Cordonnerie Gamma,${gamma},69001,Lyon,Roux,Sam,sam.roux@gamma.fr`,
        // The same person by e-mail in the next batch, which shares no company nor word of the lexicon
        // with this one: nothing inside PostgreSQL makes it wait for the first batch's commit.
        `Droguerie Delta,${delta},69100,Villeurbanne,Durand,Alix,alix.durand@alpha.fr`,
        `Boulangerie Beta,${beta},69100,Villeurbanne,Martin,Léa,`,
        `Boulangerie Beta,${beta},69100,Villeurbanne,Martin,Léa,`, // the company and the same person by name, in the next batch
        `Atelier Alpha,${alpha},69001,Lyon,Petit,Noé,noe.petit@alpha.fr`, // the company, two batches on
        `Ébénisterie Epsilon,${epsilon},69001,Lyon,Blanc,Zoé,zoe.blanc@epsilon.fr`,
        `Fromagerie Zeta,${zeta},69001,Lyon,Morel,Yann,yann.morel@zeta.fr`,
      ].join('\n') + '\n',
    );
    const dryRun = await uploadOk(t.app, rhone, { name: 'repetitions.csv', content: csv });
    expect(dryRun.job.rows).toMatchObject({ total: 8, rejected: 0 });
    // The first batch writes its people slowly, so that the second has written its companies by then and
    // must wait for the first's commit before looking its people up. The fourth fails once while writing
    // its people, slowly too, after the fifth has written its companies.
    await withOwnerClient(t.testDatabase.database, (client) =>
      client.query(`
        CREATE SEQUENCE import_test_people_failures;
        CREATE FUNCTION import_test_slow_people() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.email = 'sam.roux@gamma.fr' THEN PERFORM pg_sleep(0.4); END IF;
          IF NEW.email = 'zoe.blanc@epsilon.fr' AND nextval('import_test_people_failures') = 1 THEN
            PERFORM pg_sleep(0.4);
            RAISE EXCEPTION 'disk full';
          END IF;
          RETURN NEW;
        END $$;
        CREATE TRIGGER import_test_slow_people BEFORE INSERT ON person_emails FOR EACH ROW EXECUTE FUNCTION import_test_slow_people();
        UPDATE import_jobs SET status = 'queued' WHERE id = '${dryRun.job.id}';`),
    );
    const deps = { database: t.testDatabase.database, entityTree: EntityTreeCache.fromDatabase(t.testDatabase.database) };
    await expect(runImportJob(deps, dryRun.job.id, { batchSize: 2 })).rejects.toThrow('disk full');

    const failed = (await call(rhone, 'GET', `/api/v1/imports/${dryRun.job.id}`)).json<ImportJob>();
    expect(failed).toMatchObject({ status: 'failed', rows: { done: 6, created: 5, updated: 0, unchanged: 1 } });
    expect(failed.lastError).toContain('ligne 8');
    const companies = () => count('SELECT count(*)::int AS n FROM organizations WHERE siren = ANY($1)', [sirens]);
    expect(await companies()).toBe(4);
    const affiliations = 'FROM affiliations a JOIN organizations o ON o.id = a.organization_id WHERE o.siren = ANY($1)';
    expect(await count(`SELECT count(DISTINCT a.person_id)::int AS n ${affiliations}`, [sirens])).toBe(4);

    expect((await call(rhone, 'POST', `/api/v1/imports/${dryRun.job.id}/run`)).statusCode).toBe(202);
    const done = await waitForImport(t.app, rhone, dryRun.job.id);
    expect(done).toMatchObject({ status: 'completed', rows: { done: 8, created: 7, updated: 0, unchanged: 1 } });
    expect(await companies()).toBe(6);
    expect(await count(`SELECT count(DISTINCT a.person_id)::int AS n ${affiliations}`, [sirens])).toBe(6);
    expect(await count(`SELECT count(*)::int AS n ${affiliations}`, [sirens])).toBe(7);

    const again = await uploadOk(t.app, rhone, { name: 'repetitions.csv', content: csv });
    await withOwnerClient(t.testDatabase.database, (client) => client.query(`UPDATE import_jobs SET status = 'queued' WHERE id = $1`, [again.job.id]));
    await runImportJob(deps, again.job.id, { batchSize: 2 });
    expect((await call(rhone, 'GET', `/api/v1/imports/${again.job.id}`)).json<ImportJob>().rows).toMatchObject({ done: 8, created: 0, updated: 0, unchanged: 8 });
  });

  it('reads an XLSX workbook and applies column choices, saved per entity', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Export');
    sheet.addRow(['Société', 'N° SIREN', 'CP', 'Localité', 'Contact', 'E-mail', 'Email']);
    sheet.addRow(['Bouchonnerie lyonnaise', 552100554, '69002', 'Lyon', 'Perrin', 'c.perrin@bouchon.fr', 'claire@perso.fr']);
    const content = Buffer.from(await workbook.xlsx.writeBuffer());

    const ambiguous = await upload(t.app, rhone, { name: 'export.xlsx', content });
    expect(ambiguous.statusCode).toBe(422);
    expect(ambiguous.json().errors).toEqual([expect.objectContaining({ pointer: '/columnOverrides', message: expect.stringContaining('« E-mail », « Email »') })]);

    const saved = await call(rhone, 'PUT', `/api/v1/import-mappings/${ids['69']}`, { columnOverrides: { email: 'E-mail', lastName: 'Contact' } });
    expect(saved.statusCode).toBe(200);
    const dryRun = await uploadOk(t.app, rhone, { name: 'export.xlsx', content });
    expect(dryRun).toMatchObject({ encoding: null, separator: null, ignoredHeaders: ['Email'] });
    expect(dryRun.job).toMatchObject({ fileFormat: 'xlsx', rows: { total: 1, valid: 1 }, columns: { email: 'E-mail', lastName: 'Contact', siren: 'N° SIREN' } });

    const refused = await upload(t.app, rhone, { name: 'vide.csv', content: Buffer.from('') });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors[0]).toMatchObject({ pointer: '/file' });
    // Uploads are not bound by the 1 MB JSON body limit: a 3 MB file is read (and refused for its columns).
    const large = await upload(t.app, rhone, { name: 'grand.csv', content: Buffer.from('Nom;Ville\n' + 'Martin;Lyon\n'.repeat(250_000)) });
    expect(large.statusCode).toBe(422);
    expect(large.json().errors[0]).toMatchObject({ pointer: '/columnOverrides', message: expect.stringContaining('Raison sociale') });
    const notMultipart = await t.app.inject({ method: 'POST', url: '/api/v1/imports', headers: { ...rhone.headers('POST'), 'content-type': 'text/csv' }, payload: 'a;b' });
    expect(notMultipart.statusCode).toBe(415);
  });

  it('keeps import jobs, reports and mappings within their branch', async () => {
    const dryRun = await uploadOk(t.app, rhone, { name: 'lyon.csv', content: lyonCompaniesCsv(600_000, 3).csv });
    for (const url of [`/api/v1/imports/${dryRun.job.id}`, `/api/v1/imports/${dryRun.job.id}/errors.csv`]) {
      expect((await call(paris, 'GET', url)).statusCode).toBe(404);
      expect((await call(national, 'GET', url)).statusCode).toBe(200);
    }
    expect((await call(paris, 'POST', `/api/v1/imports/${dryRun.job.id}/run`)).statusCode).toBe(404);
    const listed = (who: SignedIn) => call(who, 'GET', '/api/v1/imports?limit=200').then((response) => response.json<{ items: ImportJob[] }>().items.map((job) => job.id));
    expect(await listed(paris)).toEqual([]);
    expect(await listed(rhone)).toContain(dryRun.job.id);
    expect((await listed(national))[0]).toBe(dryRun.job.id);
    const dryRuns = (await call(rhone, 'GET', '/api/v1/imports?filter[status]=dry_run_done')).json<{ items: ImportJob[] }>().items;
    expect(dryRuns.every((job) => job.status === 'dry_run_done' && job.entityId === ids['69'])).toBe(true);
    expect((await call(rhone, 'PUT', `/api/v1/import-mappings/${ids['69']}`, { columnOverrides: { phone: null } })).statusCode).toBe(200);
    expect((await call(paris, 'GET', '/api/v1/import-mappings')).json()).toEqual({ items: [] });
    expect((await call(national, 'GET', '/api/v1/import-mappings')).json().items).toEqual([expect.objectContaining({ entityId: ids['69'] })]);
    const forbidden = await call(paris, 'PUT', `/api/v1/import-mappings/${ids['69']}`, { columnOverrides: {} });
    expect(forbidden.statusCode).toBe(403);
    const elsewhere = await upload(t.app, paris, { name: 'lyon.csv', content: lyonCompaniesCsv(700_000, 1).csv }, { entityId: ids['69']! });
    expect(elsewhere.statusCode).toBe(403);
  });

  it('analyses a large upload as it streams: counts, every report line stored beyond the preview, the file stored whole', async () => {
    // 1,500 companies, each repeated under another name (one warning each), 10 rows with a short
    // SIREN (rejected), and a long ignored column so the file is stored in several pieces (~5.8 MB).
    const [header, ...rows] = lyonCompaniesCsv(800_000, 1_500).csv.toString('utf8').trimEnd().split('\n');
    const renamed = rows.map((row) => row.replace(/^Entreprise /, 'Société '));
    const short = Array.from({ length: 10 }, (_, index) => `Courte ${index},12345678,69001,Lyon,Petit,Noé,noe.${index}@exemple.fr,`);
    const content = withCommentColumn(header!, [...rows, ...renamed, ...short], 160);
    expect(content.length).toBeGreaterThan(5 * 2 ** 20);

    const dryRun = await uploadOk(t.app, rhone, { name: 'grand-fichier.csv', content });
    expect(dryRun.job.rows).toMatchObject({ total: 3_010, valid: 3_000, rejected: 10 });
    expect(dryRun.ignoredHeaders).toContain('Commentaire');
    expect([dryRun.report.length, dryRun.reportTruncated]).toEqual([1_000, true]);
    expect(dryRun.report[0]).toMatchObject({ row: 1_502, status: 'accepted', warnings: [expect.stringContaining('Même SIREN que la ligne 2')] });
    expect(await count('SELECT count(*)::int AS n FROM import_job_rows WHERE import_job_id = $1', [dryRun.job.id])).toBe(1_510);
    const stored = await withOwnerClient(t.testDatabase.database, async (client) =>
      (await client.query<{ same: boolean; size: number }>('SELECT file_content = $2 AS same, file_size AS size FROM import_jobs WHERE id = $1', [dryRun.job.id, content])).rows[0],
    );
    expect(stored).toEqual({ same: true, size: content.length });

    const report = (await call(rhone, 'GET', dryRun.job.errorsUrl)).body.trim().split('\r\n').slice(1);
    expect(report).toHaveLength(1_510);
    expect(report.filter((line) => line.includes(';Rejetée;SIREN;siren_length;'))).toHaveLength(10);
    expect(report.at(-1)).toMatch(/^3011;Rejetée;/);
  });

  it('leaves nothing behind when a large file turns out unreadable far into it, while it was being stored', async () => {
    // The file is stored as its rows are read: the bad byte comes after the first stored piece.
    const [header, ...rows] = lyonCompaniesCsv(810_000, 1_500).csv.toString('utf8').trimEnd().split('\n');
    const valid = withCommentColumn(header!, rows, 400);
    expect(valid.length).toBeGreaterThan(5 * 2 ** 20);
    // é in Windows-1252 (0xE9) in a file read as UTF-8 so far.
    const content = Buffer.concat([valid, Buffer.from('Café du Port,552100554,69001,Lyon,Dupont,Jean,jean@exemple.fr,\n', 'latin1')]);
    const jobs = () => count('SELECT count(*)::int AS n FROM import_jobs');
    const reportLines = () => count('SELECT count(*)::int AS n FROM import_job_rows');
    const before = [await jobs(), await reportLines()];

    const refused = await upload(t.app, rhone, { name: 'melange.csv', content });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'csv_encoding_mixed' });
    expect([await jobs(), await reportLines()]).toEqual(before);
  });

  it('refuses a file over the size limit with a 413, without storing a job', async () => {
    const jobs = () => count('SELECT count(*)::int AS n FROM import_jobs');
    const before = await jobs();
    const tooLarge = Buffer.alloc(MAX_IMPORT_FILE_BYTES + 1024, 'Martin;Lyon\n');
    const refused = await upload(t.app, rhone, { name: 'trop-grand.csv', content: Buffer.concat([Buffer.from('Raison sociale;Ville\n'), tooLarge]) });
    expect(refused.statusCode).toBe(413);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(await jobs()).toBe(before);
  });

  it('purges jobs, their files and reports after the retention period', async () => {
    const old = await uploadOk(t.app, rhone, fixture);
    const recent = await uploadOk(t.app, rhone, fixture);
    await withOwnerClient(t.testDatabase.database, (client) =>
      client.query(`UPDATE import_jobs SET updated_at = now() - interval '91 days' WHERE id = $1`, [old.job.id]),
    );
    const purged = await withTransaction(t.testDatabase.database, { kind: 'system' }, (tx) => deleteImportJobsOlderThan(tx, IMPORT_JOB_RETENTION_DAYS));
    expect(purged).toBe(1);
    expect((await call(rhone, 'GET', `/api/v1/imports/${old.job.id}`)).statusCode).toBe(404);
    expect(await count('SELECT count(*)::int AS n FROM import_job_rows WHERE import_job_id = $1', [old.job.id])).toBe(0);
    expect((await call(rhone, 'GET', `/api/v1/imports/${recent.job.id}`)).statusCode).toBe(200);
  });
});
