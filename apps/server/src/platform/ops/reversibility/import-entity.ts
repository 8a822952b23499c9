import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import type pg from 'pg';
import type { FieldCipher } from '../../crypto/index.js';
import { MIGRATIONS_FOLDER, withOwnerClient, type Database } from '../../db/index.js';
import { copyDirectory, verifyFiles } from '../archive-files.js';
import { MEDIA_DIRECTORY } from '../backup-manifest.js';
import { OpsError } from '../ops-error.js';
import { quoteIdentifier as q } from '../table-stats.js';
import { readExportManifest, type ExportedTable, type ExportManifest } from './export-manifest.js';
import { readSchemaCatalog, type SchemaCatalog } from './schema-catalog.js';

export interface ImportOptions {
  inputDir: string;
  /** Media land in DATA_DIR/media/<entity id>/. */
  dataDir: string;
  /** Re-encrypts the columns the export holds in clear, under the importing instance's active key. */
  cipher: FieldCipher;
}

const BATCH = 500;

/**
 * Loads an export into a migrated instance whose exported tables are all empty, in one transaction:
 * checksums first, then every table in dependency order, then the media. Imported audit events are
 * unsealed: the next sealing run (or `npm run audit:verify`) links them into this instance's chain.
 */
export async function importEntityExport(database: Database, options: ImportOptions): Promise<ExportManifest> {
  const manifest = await readExportManifest(options.inputDir);
  const altered = await verifyFiles(options.inputDir, [...manifest.tables.flatMap((t) => [t.jsonl, t.csv]), ...manifest.media]);
  if (altered.length > 0) throw new OpsError(`Export altéré, rien n'a été importé : ${altered.join(' ; ')}`);
  const known = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER }).length;
  if (manifest.migrations.applied > known) {
    throw new OpsError(`Export fait par une version plus récente (${manifest.migrations.applied} migrations, ${known} connues ici) : installez cette version avant d'importer.`);
  }
  await withOwnerClient(database, async (client) => {
    const catalog = await readSchemaCatalog(client);
    assertSchemaAccepts(catalog, manifest);
    await assertTargetEmpty(client, manifest);
    await client.query('BEGIN');
    try {
      for (const table of manifest.tables) await importTable(client, catalog, table, manifest, options);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  });
  await copyDirectory(join(options.inputDir, MEDIA_DIRECTORY), join(options.dataDir, MEDIA_DIRECTORY));
  return manifest;
}

function assertSchemaAccepts(catalog: SchemaCatalog, manifest: ExportManifest): void {
  const missing = manifest.tables.flatMap((table) => {
    const target = catalog.tables.get(table.name);
    if (!target) return [table.name];
    return table.columns.filter((c) => !target.columns.some((t) => t.name === c.name && !t.generated)).map((c) => `${table.name}.${c.name}`);
  });
  if (missing.length > 0) throw new OpsError(`Le schéma de cette instance n'a pas : ${missing.join(', ')}. Migrez-la (npm run db:migrate) avec une version au moins égale à celle de l'export.`);
}

async function assertTargetEmpty(client: pg.PoolClient, manifest: ExportManifest): Promise<void> {
  const filled: string[] = [];
  for (const table of manifest.tables) {
    const { rows } = await client.query(`SELECT 1 FROM ${q(table.name)} LIMIT 1`);
    if (rows.length > 0) filled.push(table.name);
  }
  if (filled.length > 0) {
    throw new OpsError(`L'instance cible n'est pas vide (${filled.join(', ')}) : importez dans une base migrée mais jamais démarrée.`);
  }
}

async function importTable(client: pg.PoolClient, catalog: SchemaCatalog, table: ExportedTable, manifest: ExportManifest, options: ImportOptions): Promise<void> {
  const lines = (await readFile(join(options.inputDir, table.jsonl.path), 'utf8')).split('\n').filter(Boolean);
  const encrypted = manifest.decryptedColumns.filter((c) => c.startsWith(`${table.name}.`)).map((c) => c.slice(table.name.length + 1));
  const selfReferences = catalog.foreignKeys.filter((fk) => fk.table === table.name && fk.referencedTable === table.name);
  let rows: string[] = lines;
  if (encrypted.length > 0 || selfReferences.length > 0) {
    let objects = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    for (const row of objects) for (const column of encrypted) if (typeof row[column] === 'string') row[column] = options.cipher.encrypt(row[column]);
    for (const fk of selfReferences) objects = parentsFirst(objects, fk.column, fk.referencedColumn);
    rows = objects.map((row) => JSON.stringify(row));
  }
  const columns = table.columns.map((c) => q(c.name)).join(', ');
  for (let start = 0; start < rows.length; start += BATCH) {
    await client.query(
      `INSERT INTO ${q(table.name)} (${columns}) OVERRIDING SYSTEM VALUE
       SELECT ${columns} FROM json_populate_recordset(NULL::${q(table.name)}, $1::json)`,
      [`[${rows.slice(start, start + BATCH).join(',')}]`],
    );
  }
  if (rows.length !== table.rows) throw new OpsError(`${table.jsonl.path} : ${rows.length} lignes au lieu des ${table.rows} annoncées.`);
  await advanceSequences(client, table.name);
}

/** A column fed by a sequence (serial, identity, e.g. invoice numbers) must continue after the imported values. */
async function advanceSequences(client: pg.PoolClient, tableName: string): Promise<void> {
  const { rows } = await client.query<{ column: string; sequence: string }>(
    `SELECT a.attname AS column, pg_get_serial_sequence(format('public.%I', $1::text), a.attname) AS sequence
       FROM pg_attribute a
      WHERE a.attrelid = format('public.%I', $1::text)::regclass AND a.attnum > 0 AND NOT a.attisdropped
        AND pg_get_serial_sequence(format('public.%I', $1::text), a.attname) IS NOT NULL`,
    [tableName],
  );
  for (const { column, sequence } of rows) {
    await client.query(`SELECT setval($1, max(${q(column)})) FROM ${q(tableName)} HAVING max(${q(column)}) IS NOT NULL`, [sequence]);
  }
}

/** Orders rows so that a row referencing another of the same table (a parent) comes after it. */
function parentsFirst(rows: Array<Record<string, unknown>>, column: string, referencedColumn: string): Array<Record<string, unknown>> {
  const ordered: Array<Record<string, unknown>> = [];
  const placed = new Set<unknown>();
  const present = new Set(rows.map((row) => row[referencedColumn]));
  let pending = rows;
  while (pending.length > 0) {
    const ready = pending.filter((row) => row[column] === null || !present.has(row[column]) || placed.has(row[column]));
    // A cycle in the data: insert the rest as they come, the foreign key will say what is wrong.
    const batch = new Set(ready.length > 0 ? ready : pending);
    for (const row of batch) {
      ordered.push(row);
      placed.add(row[referencedColumn]);
    }
    pending = pending.filter((row) => !batch.has(row));
  }
  return ordered;
}
