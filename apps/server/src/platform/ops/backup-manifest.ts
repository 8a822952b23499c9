import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FileEntry } from './archive-files.js';
import { OpsError } from './ops-error.js';
import type { MigrationLevel, TableStats } from './table-stats.js';

export const MANIFEST_FILE = 'manifest.json';
/** Where media files sit, under DATA_DIR and inside the archive. */
export const MEDIA_DIRECTORY = 'media';

export interface BackupManifest {
  format: 'maillage-backup';
  formatVersion: 1;
  createdAt: string;
  /** Version of the server that wrote the backup. */
  applicationVersion: string;
  engine: 'pglite' | 'postgres';
  migrations: MigrationLevel;
  /** The dump: `pglite-data.tar.gz` (PGlite data directory) or `postgres.dump` (pg_dump custom format). */
  database: FileEntry;
  tables: TableStats[];
  media: FileEntry[];
}

export async function writeManifest(directory: string, manifest: BackupManifest): Promise<void> {
  await writeFile(join(directory, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
}

export async function readManifest(directory: string): Promise<BackupManifest> {
  let manifest: Partial<BackupManifest>;
  try {
    manifest = JSON.parse(await readFile(join(directory, MANIFEST_FILE), 'utf8')) as Partial<BackupManifest>;
  } catch {
    throw new OpsError(`Archive illisible : ${MANIFEST_FILE} manque ou n'est pas du JSON. Est-ce bien une sauvegarde Maillage ?`);
  }
  if (manifest.format !== 'maillage-backup' || manifest.formatVersion !== 1) {
    throw new OpsError(`Format de sauvegarde inconnu (${String(manifest.format)} v${String(manifest.formatVersion)}).`);
  }
  return manifest as BackupManifest;
}
