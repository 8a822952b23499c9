import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealAuditEvents, verifyAuditChain } from '../audit/audit-chain.js';
import { recordAudit, SYSTEM_ACTOR } from '../audit/record-audit.js';
import { openDatabase, runMigrations, withTransaction, type Database } from '../db/index.js';
import { createSmallNetwork } from '../../test/factories/entities.js';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.js';
import { packDirectory, unpackArchive } from './archive-files.js';
import { createBackup } from './backup.js';
import type { BackupManifest } from './backup-manifest.js';
import { OpsError } from './ops-error.js';
import { restoreBackup } from './restore.js';
import { tableStats } from './table-stats.js';

const LOGO = Buffer.from('not really a PNG, but bytes all the same');

/** A few rows in several tables, an audit trail partly sealed, and one media file. */
async function seed(database: Database, dataDir: string): Promise<void> {
  await runMigrations(database);
  const network = await createSmallNetwork(database);
  for (const code of ['FR', 'R84', '69']) {
    await withTransaction(database, { kind: 'system' }, (tx) =>
      recordAudit(tx, { action: 'ops.test.recorded', resourceType: 'entity', resourceId: network.ids[code]!, entityId: network.ids[code]!, actor: SYSTEM_ACTOR, after: { code } }),
    );
  }
  await sealAuditEvents(database);
  await withTransaction(database, { kind: 'system' }, (tx) =>
    recordAudit(tx, { action: 'ops.test.unsealed', resourceType: 'entity', resourceId: null, entityId: null, actor: SYSTEM_ACTOR }),
  );
  await mkdir(join(dataDir, 'media', 'logos'), { recursive: true });
  await writeFile(join(dataDir, 'media', 'logos', 'r84.png'), LOGO);
}

async function expectIntactAudit(database: Database): Promise<void> {
  const sealed = await sealAuditEvents(database);
  expect(sealed).toBe(1);
  const chain = await verifyAuditChain(database);
  expect(chain).toMatchObject({ intact: true, count: 4 });
}

describe('backup and restore', () => {
  let workDir: string;
  // One embedded source and its backup, shared by the PGlite tests (each restores into its own directory).
  let pgliteArchive: string;
  let pgliteManifest: BackupManifest;

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'maillage-backup-test-'));
    const source = { dataDir: join(workDir, 'pglite-source'), databaseUrl: undefined };
    const database = await openDatabase({ ...source, databasePoolSize: 1 });
    await seed(database, source.dataDir);
    await database.close();
    pgliteArchive = join(workDir, 'pglite.tar');
    pgliteManifest = await createBackup(source, pgliteArchive);
  });
  afterAll(async () => {
    await rm(workDir, { recursive: true, force: true });
  });

  it('round-trips an embedded PGlite data directory and its media, table for table', async () => {
    const manifest = pgliteManifest;
    expect(manifest.engine).toBe('pglite');
    expect(manifest.applicationVersion).toMatch(/^\d+\.\d+\.\d+/);
    expect(manifest.migrations.applied).toBeGreaterThan(0);
    expect(manifest.tables.find((t) => t.schema === 'public' && t.name === 'entities')?.rows).toBe(7);
    expect(manifest.tables.find((t) => t.name === 'audit_events')?.rows).toBe(4);
    expect(manifest.media).toEqual([expect.objectContaining({ path: 'logos/r84.png', bytes: LOGO.length })]);

    const target = { dataDir: join(workDir, 'pglite-target'), databaseUrl: undefined };
    const result = await restoreBackup(target, pgliteArchive, { force: false });
    expect(result.problems).toEqual([]);
    expect(await readFile(join(target.dataDir, 'media', 'logos', 'r84.png'))).toEqual(LOGO);
    const restored = await openDatabase({ ...target, databasePoolSize: 1 });
    try {
      expect(await tableStats(restored.pool)).toEqual(manifest.tables);
      await expectIntactAudit(restored);
    } finally {
      await restored.close();
    }

    await expect(restoreBackup(target, pgliteArchive, { force: false })).rejects.toThrow(/n'est pas vide/);
    const forced = await restoreBackup(target, pgliteArchive, { force: true });
    expect(forced.problems).toEqual([]);
  }, 180_000);

  it('refuses an archive whose files no longer match the manifest, and touches nothing', async () => {
    const unpacked = join(workDir, 'tamper-unpacked');
    await mkdir(unpacked);
    await unpackArchive(pgliteArchive, unpacked);
    await writeFile(join(unpacked, 'media', 'logos', 'r84.png'), 'altered');
    const archive = join(workDir, 'tampered.tar');
    await packDirectory(unpacked, archive);

    const target = { dataDir: join(workDir, 'tamper-target'), databaseUrl: undefined };
    await expect(restoreBackup(target, archive, { force: false })).rejects.toThrow(/Archive altérée.*logos\/r84\.png/);
    expect(existsSync(join(target.dataDir, 'pglite'))).toBe(false);
  });

  describe.skipIf(!process.env.DATABASE_URL)('on PostgreSQL', () => {
    let source: TestDatabase;
    let target: TestDatabase;

    beforeAll(async () => {
      source = await createTestDatabase();
      target = await createTestDatabase();
    });
    afterAll(async () => {
      await source?.drop();
      await target?.drop();
    });

    it('round-trips the database with pg_dump and pg_restore, table for table', async () => {
      const sourceDir = join(workDir, 'pg-source');
      await seed(source.database, sourceDir);
      const archive = join(workDir, 'postgres.tar');
      const manifest = await createBackup({ dataDir: sourceDir, databaseUrl: source.url }, archive);
      expect(manifest.engine).toBe('postgres');
      expect(manifest.tables.find((t) => t.schema === 'public' && t.name === 'entities')?.rows).toBe(7);

      const targetDir = join(workDir, 'pg-target');
      const result = await restoreBackup({ dataDir: targetDir, databaseUrl: target.url }, archive, { force: false });
      expect(result.problems).toEqual([]);
      expect(await readFile(join(targetDir, 'media', 'logos', 'r84.png'))).toEqual(LOGO);
      expect(await tableStats(target.database.pool)).toEqual(manifest.tables);
      await expectIntactAudit(target.database);

      await expect(restoreBackup({ dataDir: join(workDir, 'pg-again'), databaseUrl: target.url }, archive, { force: false })).rejects.toThrow(
        /contient déjà des tables/,
      );
      await expect(restoreBackup({ dataDir: join(workDir, 'pg-as-pglite'), databaseUrl: undefined }, archive, { force: false })).rejects.toThrow(OpsError);
    }, 120_000);
  });
});
