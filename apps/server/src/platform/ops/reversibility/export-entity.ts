import { mkdir, open, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type pg from 'pg';
import type { EncryptedColumn, FieldCipher } from '../../crypto/index.js';
import { withOwnerClient, type Database } from '../../db/index.js';
import { applicationVersion } from '../application-version.js';
import { copyDirectory, isEmptyDirectory, listFiles, sha256File, type FileEntry } from '../archive-files.js';
import { MEDIA_DIRECTORY } from '../backup-manifest.js';
import { OpsError } from '../ops-error.js';
import { migrationLevel, quoteIdentifier as q } from '../table-stats.js';
import { csvLine } from './csv.js';
import { writeExportManifest, type ExportedTable, type ExportManifest } from './export-manifest.js';
import { INSTANCE_COLUMNS, planEntityExport, type PlannedTable } from './export-plan.js';
import { readSchemaCatalog } from './schema-catalog.js';

export interface ExportOptions {
  entityCode: string;
  /** Created by the export; must not exist or be empty. */
  outputDir: string;
  /** Media of an entity live in DATA_DIR/media/<entity id>/. */
  dataDir: string;
  cipher: FieldCipher;
  encryptedColumns: readonly EncryptedColumn[];
}

const BATCH = 2_000;

/**
 * Writes everything an entity and its subtree own, plus the shared rows they point to, as one
 * JSON Lines file and one CSV file per table, the media files and a manifest with checksums
 * (format in docs/reversibility.md). Reads one consistent snapshot, as the owner (no RLS).
 */
export async function exportEntity(database: Database, options: ExportOptions): Promise<ExportManifest> {
  if (!(await isEmptyDirectory(options.outputDir))) throw new OpsError(`${options.outputDir} n'est pas vide : choisissez un répertoire de sortie nouveau.`);
  await mkdir(join(options.outputDir, 'tables'), { recursive: true });
  const manifest = await withOwnerClient(database, async (client) => {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    try {
      // Timestamps in UTC whatever the server's setting, so two exports of the same rows are identical.
      await client.query(`SET LOCAL TimeZone = 'UTC'`);
      const written = await exportTables(client, options);
      await client.query('COMMIT');
      return written;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  });
  manifest.media = await exportMedia(options, manifest);
  await writeExportManifest(options.outputDir, manifest);
  return manifest;
}

async function exportTables(client: pg.PoolClient, options: ExportOptions): Promise<ExportManifest> {
  const { rows: found } = await client.query<{ id: string; code: string; name: string }>('SELECT id, code, name FROM entities WHERE code = $1', [options.entityCode]);
  const entity = found[0];
  if (!entity) throw new OpsError(`Aucune entité de code « ${options.entityCode} ».`);
  const plan = planEntityExport(await readSchemaCatalog(client), entity.id);
  const tables: ExportedTable[] = [];
  const decryptedColumns = new Set<string>();
  for (const table of plan.tables) {
    const encrypted = options.encryptedColumns.filter((c) => c.table === table.name && table.columns.some((col) => col.name === c.column)).map((c) => c.column);
    for (const column of encrypted) decryptedColumns.add(`${table.name}.${column}`);
    tables.push(await exportTable(client, table, encrypted, options));
  }
  const { rows: head } = await client.query<{ position: number; hash: string }>('SELECT chain_position::bigint AS position, chain_hash AS hash FROM audit_chain_head WHERE id = 1');
  return {
    format: 'maillage-export',
    formatVersion: 1,
    createdAt: new Date().toISOString(),
    applicationVersion: applicationVersion(),
    entity,
    migrations: await migrationLevel(client),
    auditChainHead: head[0] ? { position: Number(head[0].position), hash: head[0].hash } : null,
    tables,
    excluded: plan.excluded,
    decryptedColumns: [...decryptedColumns].sort(),
    instanceColumns: INSTANCE_COLUMNS,
    media: [],
  };
}

async function exportTable(client: pg.PoolClient, table: PlannedTable, encrypted: string[], options: ExportOptions): Promise<ExportedTable> {
  const columns = table.columns.map((c) => q(c.name)).join(', ');
  const order = (table.primaryKey.length > 0 ? table.primaryKey : table.columns.map((c) => c.name)).map(q).join(', ');
  const jsonlPath = join('tables', `${table.name}.jsonl`);
  const csvPath = join('tables', `${table.name}.csv`);
  const jsonl = await open(join(options.outputDir, jsonlPath), 'w');
  const csv = await open(join(options.outputDir, csvPath), 'w');
  let rows = 0;
  try {
    await csv.write(csvLine(table.columns.map((c) => c.name)));
    for (let offset = 0; ; offset += BATCH) {
      const { rows: batch } = await client.query<{ line: string }>(
        `SELECT row_to_json(r)::text AS line FROM (SELECT ${columns} FROM ${q(table.name)} WHERE ${table.where} ORDER BY ${order} LIMIT ${BATCH} OFFSET ${offset}) r`,
      );
      let jsonChunk = '';
      let csvChunk = '';
      for (const { line } of batch) {
        const row = JSON.parse(line) as Record<string, unknown>;
        for (const column of encrypted) if (typeof row[column] === 'string') row[column] = options.cipher.decrypt(row[column]);
        // PostgreSQL's own JSON text is kept when nothing changed: no number is re-rounded by JavaScript.
        jsonChunk += `${encrypted.length > 0 ? JSON.stringify(row) : line}\n`;
        csvChunk += csvLine(table.columns.map((c) => row[c.name]));
      }
      await jsonl.write(jsonChunk);
      await csv.write(csvChunk);
      rows += batch.length;
      if (batch.length < BATCH) break;
    }
  } finally {
    await jsonl.close();
    await csv.close();
  }
  return {
    name: table.name,
    role: table.role,
    rows,
    columns: table.columns.map(({ name, type, nullable }) => ({ name, type, nullable })),
    primaryKey: table.primaryKey,
    jsonl: await describe(options.outputDir, jsonlPath),
    csv: await describe(options.outputDir, csvPath),
  };
}

/** The media directories of the entities of the subtree (shared context entities bring none). */
async function exportMedia(options: ExportOptions, manifest: ExportManifest): Promise<FileEntry[]> {
  const subtreeIds = await entitiesOwningMedia(options, manifest);
  for (const id of subtreeIds) {
    await copyDirectory(join(options.dataDir, MEDIA_DIRECTORY, id), join(options.outputDir, MEDIA_DIRECTORY, id));
  }
  return (await listFiles(join(options.outputDir, MEDIA_DIRECTORY))).map((file) => ({ ...file, path: `${MEDIA_DIRECTORY}/${file.path}` }));
}

async function entitiesOwningMedia(options: ExportOptions, manifest: ExportManifest): Promise<string[]> {
  const entities = (await readFile(join(options.outputDir, 'tables', 'entities.jsonl'), 'utf8'))
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { id: string; parent_id: string | null });
  const inSubtree = new Set([manifest.entity.id]);
  // Parents come before children in the tree, not necessarily in the file: repeat until stable.
  for (let grew = true; grew; ) {
    grew = false;
    for (const entity of entities) {
      if (entity.parent_id && inSubtree.has(entity.parent_id) && !inSubtree.has(entity.id)) {
        inSubtree.add(entity.id);
        grew = true;
      }
    }
  }
  return [...inSubtree];
}

async function describe(directory: string, path: string): Promise<FileEntry> {
  const full = join(directory, path);
  return { path: path.split('\\').join('/'), bytes: (await stat(full)).size, sha256: await sha256File(full) };
}
