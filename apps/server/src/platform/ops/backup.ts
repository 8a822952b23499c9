import { existsSync } from 'node:fs';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppConfig } from '../config/index.js';
import { applicationVersion } from './application-version.js';
import { copyDirectory, listFiles, packDirectory, sha256File, type FileEntry } from './archive-files.js';
import { MEDIA_DIRECTORY, writeManifest, type BackupManifest } from './backup-manifest.js';
import { openRawPglite } from './pglite-data-dir.js';
import { OpsError } from './ops-error.js';
import { assertDumpToolFits, connect, dumpPostgres } from './postgres-dump.js';
import { migrationLevel, tableStats, type MigrationLevel, type TableStats } from './table-stats.js';

export type BackupSource = Pick<AppConfig, 'dataDir' | 'databaseUrl'>;

interface DatabaseDump {
  file: string;
  migrations: MigrationLevel;
  tables: TableStats[];
}

/**
 * Writes one archive holding the database dump, the media files and a manifest (migration level,
 * rows and checksum per table, sha256 per file). PostgreSQL is dumped online from one snapshot;
 * PGlite must not be open elsewhere (stop the server first).
 */
export async function createBackup(source: BackupSource, archive: string): Promise<BackupManifest> {
  const staging = await mkdtemp(join(tmpdir(), 'maillage-backup-'));
  try {
    const dump = source.databaseUrl ? await dumpPostgresSnapshot(source.databaseUrl, staging) : await dumpPglite(join(source.dataDir, 'pglite'), staging);
    await copyDirectory(join(source.dataDir, MEDIA_DIRECTORY), join(staging, MEDIA_DIRECTORY));
    const manifest: BackupManifest = {
      format: 'maillage-backup',
      formatVersion: 1,
      createdAt: new Date().toISOString(),
      applicationVersion: applicationVersion(),
      engine: source.databaseUrl ? 'postgres' : 'pglite',
      migrations: dump.migrations,
      database: await describeFile(staging, dump.file),
      tables: dump.tables,
      media: await listFiles(join(staging, MEDIA_DIRECTORY)),
    };
    await writeManifest(staging, manifest);
    await packDirectory(staging, archive);
    return manifest;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

async function dumpPostgresSnapshot(url: string, staging: string): Promise<DatabaseDump> {
  const client = await connect(url);
  try {
    await assertDumpToolFits(client, 'pg_dump');
    // The transaction holds the snapshot pg_dump reads, so counts and dump see the same rows.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const { rows } = await client.query<{ snapshot: string }>('SELECT pg_export_snapshot() AS snapshot');
    const tables = await tableStats(client);
    const migrations = await migrationLevel(client);
    const file = 'postgres.dump';
    await dumpPostgres(url, rows[0]!.snapshot, join(staging, file));
    await client.query('COMMIT');
    return { file, tables, migrations };
  } finally {
    await client.end();
  }
}

async function dumpPglite(directory: string, staging: string): Promise<DatabaseDump> {
  if (!existsSync(directory)) throw new OpsError(`Aucune base PGlite dans ${directory} : vérifiez DATA_DIR.`);
  const pglite = await openRawPglite(directory);
  try {
    const tables = await tableStats(pglite);
    const migrations = await migrationLevel(pglite);
    const file = 'pglite-data.tar.gz';
    const blob = await pglite.dumpDataDir('gzip');
    await writeFile(join(staging, file), Buffer.from(await blob.arrayBuffer()));
    return { file, tables, migrations };
  } finally {
    await pglite.close();
  }
}

async function describeFile(directory: string, name: string): Promise<FileEntry> {
  const path = join(directory, name);
  return { path: name, bytes: (await stat(path)).size, sha256: await sha256File(path) };
}
