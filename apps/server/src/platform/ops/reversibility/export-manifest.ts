import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FileEntry } from '../archive-files.js';
import { OpsError } from '../ops-error.js';
import type { MigrationLevel } from '../table-stats.js';
import type { ExportRole } from './export-plan.js';

export interface ExportedTable {
  name: string;
  role: ExportRole;
  rows: number;
  columns: Array<{ name: string; type: string; nullable: boolean }>;
  primaryKey: string[];
  /** The authoritative copy (JSON Lines, one object per row) and a spreadsheet-friendly CSV of it. */
  jsonl: FileEntry;
  csv: FileEntry;
}

export interface ExportManifest {
  format: 'maillage-export';
  formatVersion: 1;
  createdAt: string;
  /** Version of the server that wrote the export. */
  applicationVersion: string;
  entity: { id: string; code: string; name: string };
  migrations: MigrationLevel;
  /** Head of the source's audit hash chain when exported: the exported events can be checked against the source. */
  auditChainHead: { position: number; hash: string } | null;
  tables: ExportedTable[];
  excluded: Array<{ name: string; reason: string }>;
  /** `table.column` values written in clear in the export (encrypted at rest in Maillage, re-encrypted on import). */
  decryptedColumns: string[];
  instanceColumns: Record<string, readonly string[]>;
  /** Files under `media/`, paths relative to the export directory. */
  media: FileEntry[];
}

export const EXPORT_MANIFEST_FILE = 'manifest.json';

export async function writeExportManifest(directory: string, manifest: ExportManifest): Promise<void> {
  await writeFile(join(directory, EXPORT_MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
}

export async function readExportManifest(directory: string): Promise<ExportManifest> {
  let manifest: Partial<ExportManifest>;
  try {
    manifest = JSON.parse(await readFile(join(directory, EXPORT_MANIFEST_FILE), 'utf8')) as Partial<ExportManifest>;
  } catch {
    throw new OpsError(`${join(directory, EXPORT_MANIFEST_FILE)} manque ou n'est pas du JSON : est-ce bien un export Maillage ?`);
  }
  if (manifest.format !== 'maillage-export' || manifest.formatVersion !== 1) {
    throw new OpsError(`Format d'export inconnu (${String(manifest.format)} v${String(manifest.formatVersion)}).`);
  }
  return manifest as ExportManifest;
}
