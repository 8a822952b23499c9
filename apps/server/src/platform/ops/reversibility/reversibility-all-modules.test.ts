import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App, type AppContext } from '../../../app.js';
import { seedOnFirstStart } from '../../../seed/first-start.js';
import { signIn } from '../../../test/auth.js';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.js';
import { loadConfig } from '../../config/index.js';
import { listEncryptedColumns } from '../../crypto/index.js';
import { withOwnerClient } from '../../db/index.js';
import { exportEntity } from './export-entity.js';
import type { ExportManifest } from './export-manifest.js';
import { importEntityExport } from './import-entity.js';

/**
 * The whole demo installation (every module's demo data, plus an AI Hub question asked by the Rhône
 * manager): the Auvergne-Rhône-Alpes subtree is exported, imported into an empty instance, and
 * exported again from there — the same tables, row counts and checksums, module by module.
 */
describe('reversibility of every module: demo installation round trip', () => {
  let source: TestDatabase;
  let target: TestDatabase;
  let app: App;
  let context: AppContext;
  let workDir: string;
  let manifest: ExportManifest;

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'maillage-reversibility-all-'));
    source = await createTestDatabase({ migrated: true });
    // An empty instance: migrated, no rows.
    target = await createTestDatabase({ migrated: true });
    const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: join(workDir, 'source-data') }, []);
    app = await buildApp(config, { database: source.database, onContext: (built) => (context = built) });
    await app.ready();
    const report = await seedOnFirstStart(context);
    const manager = await signIn(app, 'manager.69@maillage.test', report!.demo!.password);
    const answer = await app.inject({
      method: 'POST',
      url: '/api/v1/ai/answers',
      headers: { ...manager.headers('POST'), 'content-type': 'application/json' },
      payload: JSON.stringify({ question: 'Comment embaucher un apprenti ?' }),
    });
    expect(answer.statusCode, answer.body).toBe(200);
    manifest = await exportEntity(source.database, {
      entityCode: 'R84',
      outputDir: join(workDir, 'export'),
      dataDir: join(workDir, 'source-data'),
      cipher: context.cipher,
      encryptedColumns: listEncryptedColumns(),
    });
  }, 300_000);
  afterAll(async () => {
    await app?.close();
    await source?.drop();
    await target?.drop();
    await rm(workDir, { recursive: true, force: true });
  });

  const rowsOf = (name: string) => manifest.tables.find((table) => table.name === name)?.rows ?? 0;

  it("exports the branch's data of every module", () => {
    for (const name of ['organizations', 'organization_links', 'persons', 'interactions', 'memberships', 'events', 'mandates', 'cms_sites', 'cms_contents', 'cms_revisions', 'ai_interactions']) {
      expect(rowsOf(name), name).toBeGreaterThan(0);
    }
  });

  it('imports into an empty instance and loses nothing: exporting it again gives the same files', async () => {
    const targetData = join(workDir, 'target-data');
    await importEntityExport(target.database, { inputDir: join(workDir, 'export'), dataDir: targetData, cipher: context.cipher });
    const again = await exportEntity(target.database, {
      entityCode: 'R84',
      outputDir: join(workDir, 'export-again'),
      dataDir: targetData,
      cipher: context.cipher,
      encryptedColumns: listEncryptedColumns(),
    });
    expect(again.tables).toEqual(manifest.tables);
    expect(again.media).toEqual(manifest.media);
    // What the export leaves out because the database derives it is derived again on import.
    const searchDocuments = (database: TestDatabase) =>
      withOwnerClient(database.database, async (client) =>
        (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM cms_search_documents d JOIN cms_sites s ON s.id = d.site_id JOIN entities e ON e.id = s.entity_id WHERE e.code = '69'`)).rows[0]!.n,
      );
    expect(await searchDocuments(target)).toBe(await searchDocuments(source));
    expect(await searchDocuments(target)).toBeGreaterThan(0);
  }, 300_000);
});
