import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { MIGRATIONS_FOLDER } from '../db/index.js';
import { copyDirectory, isEmptyDirectory, unpackArchive, verifyFiles } from './archive-files.js';
import type { BackupSource } from './backup.js';
import { MEDIA_DIRECTORY, readManifest, type BackupManifest } from './backup-manifest.js';
import { openRawPglite } from './pglite-data-dir.js';
import { OpsError } from './ops-error.js';
import { assertDumpToolFits, connect, ensureApplicationRole, restorePostgres, wipeDatabase } from './postgres-dump.js';
import { compareTableStats, listUserTables, tableStats, type TableStats } from './table-stats.js';

export interface RestoreOptions {
  /** Overwrite a non-empty target: PostgreSQL schemas are dropped, PGlite and media directories moved aside. */
  force: boolean;
}

export interface RestoreResult {
  manifest: BackupManifest;
  /** Tables whose rows or checksum differ from the manifest after the restore; empty when identical. */
  problems: string[];
}

/**
 * Restores an archive written by createBackup into the configured database and DATA_DIR/media,
 * after checking the archive against its own manifest, then compares every table with it.
 */
export async function restoreBackup(target: BackupSource, archive: string, options: RestoreOptions): Promise<RestoreResult> {
  const staging = await mkdtemp(join(tmpdir(), 'maillage-restore-'));
  try {
    await unpackArchive(archive, staging);
    const manifest = await readManifest(staging);
    await assertArchiveIntact(staging, manifest);
    assertRestorable(manifest, target);
    const mediaTarget = join(target.dataDir, MEDIA_DIRECTORY);
    if (!options.force && !(await isEmptyDirectory(mediaTarget))) {
      throw new OpsError(`Le répertoire des médias ${mediaTarget} n'est pas vide : restaurez dans une instance vide ou ajoutez --force.`);
    }
    const restored = target.databaseUrl
      ? await restoreIntoPostgres(target.databaseUrl, join(staging, manifest.database.path), options)
      : await restoreIntoPglite(join(target.dataDir, 'pglite'), join(staging, manifest.database.path), options);
    await moveAside(mediaTarget);
    await copyDirectory(join(staging, MEDIA_DIRECTORY), mediaTarget);
    const mediaProblems = await verifyFiles(mediaTarget, manifest.media);
    return { manifest, problems: [...compareTableStats(manifest.tables, restored), ...mediaProblems.map((p) => `media/${p}`)] };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

async function assertArchiveIntact(staging: string, manifest: BackupManifest): Promise<void> {
  const problems = [...(await verifyFiles(staging, [manifest.database])), ...(await verifyFiles(join(staging, MEDIA_DIRECTORY), manifest.media))];
  if (problems.length > 0) throw new OpsError(`Archive altérée, rien n'a été restauré : ${problems.join(' ; ')}`);
}

function assertRestorable(manifest: BackupManifest, target: BackupSource): void {
  const targetEngine = target.databaseUrl ? 'postgres' : 'pglite';
  if (manifest.engine !== targetEngine) {
    throw new OpsError(
      `Sauvegarde ${manifest.engine} et cible ${targetEngine} : une sauvegarde se restaure sur le même moteur. Pour changer de moteur, utilisez npm run export puis npm run import (docs/reversibility.md).`,
    );
  }
  const known = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER }).length;
  if (manifest.migrations.applied > known) {
    throw new OpsError(`Sauvegarde faite par une version plus récente (${manifest.migrations.applied} migrations, ${known} connues ici) : installez cette version avant de restaurer.`);
  }
}

async function restoreIntoPostgres(url: string, dumpFile: string, options: RestoreOptions): Promise<TableStats[]> {
  const client = await connect(url);
  try {
    await assertDumpToolFits(client, 'pg_restore');
    if ((await listUserTables(client)).length > 0) {
      if (!options.force) throw new OpsError('La base cible contient déjà des tables : restaurez dans une base vide ou ajoutez --force (la base sera effacée).');
      await wipeDatabase(client);
    }
    await ensureApplicationRole(client);
    await restorePostgres(url, dumpFile);
    return await tableStats(client);
  } finally {
    await client.end();
  }
}

async function restoreIntoPglite(directory: string, dumpFile: string, options: RestoreOptions): Promise<TableStats[]> {
  if (!(await isEmptyDirectory(directory))) {
    if (!options.force) throw new OpsError(`${directory} contient déjà une base : restaurez dans un DATA_DIR vide ou ajoutez --force (l'ancienne base sera mise de côté).`);
    await moveAside(directory);
  }
  const pglite = await openRawPglite(directory, new Blob([await readFile(dumpFile)]));
  try {
    return await tableStats(pglite);
  } finally {
    await pglite.close();
  }
}

/** --force never deletes files: the previous content stays next to the target, named by date. */
async function moveAside(path: string): Promise<void> {
  if (await isEmptyDirectory(path)) {
    if (existsSync(path)) await rm(path, { recursive: true });
    return;
  }
  await rename(path, `${path}.before-restore-${new Date().toISOString().replaceAll(/[:.]/g, '-')}`);
}
