import type pg from 'pg';
import { withOwnerClient, type Database } from '../db/index.js';
import type { FieldCipher } from './field-cipher.js';
import { listEncryptedColumns, type EncryptedColumn } from './encrypted-columns.js';

export interface ColumnRotation {
  table: string;
  column: string;
  /** Values found under an older key and rewritten under the active one. */
  reencrypted: number;
}

export interface RotationOptions {
  /** Defaults to every registered column. */
  columns?: readonly EncryptedColumn[];
  /** Rows per transaction: short transactions keep row locks brief on a live database. */
  batchSize?: number;
}

/**
 * Re-encrypts under the active key every value written under an older one (`cipher.needsRotation`),
 * batch by batch, each batch its own transaction: interrupted, it resumes where it stopped.
 * Runs as the owner: a maintenance command acting across every branch, outside row-level security.
 * Once it reports zero everywhere, the old keys can leave ENCRYPTION_KEYS.
 */
export async function rotateEncryptionKeys(database: Database, cipher: FieldCipher, options: RotationOptions = {}): Promise<ColumnRotation[]> {
  const batchSize = options.batchSize ?? 500;
  const results: ColumnRotation[] = [];
  for (const column of options.columns ?? listEncryptedColumns()) {
    const reencrypted = await withOwnerClient(database, (client) => rotateColumn(client, cipher, column, batchSize));
    results.push({ table: column.table, column: column.column, reencrypted });
  }
  return results;
}

async function rotateColumn(client: pg.PoolClient, cipher: FieldCipher, target: EncryptedColumn, batchSize: number): Promise<number> {
  const table = quote(target.table);
  const id = quote(target.idColumn);
  const column = quote(target.column);
  // Values under the active key start with "<activeKeyId>:"; LIKE metacharacters cannot occur in a key id but `_`.
  const activePrefix = `${cipher.activeKeyId.replace(/_/g, '\\_')}:%`;
  let total = 0;
  let after: unknown = null;
  for (;;) {
    await client.query('BEGIN');
    try {
      const { rows } = await client.query<{ id: unknown; value: string }>(
        `SELECT ${id} AS id, ${column} AS value FROM ${table}
         WHERE ${column} IS NOT NULL AND ${column} NOT LIKE $1 AND ($2::text IS NULL OR ${id} > $3)
         ORDER BY ${id} LIMIT $4 FOR UPDATE`,
        [activePrefix, after === null ? null : String(after), after, batchSize],
      );
      for (const row of rows) {
        if (!cipher.needsRotation(row.value)) continue;
        await client.query(`UPDATE ${table} SET ${column} = $1 WHERE ${id} = $2`, [cipher.encrypt(cipher.decrypt(row.value)), row.id]);
        total += 1;
      }
      await client.query('COMMIT');
      if (rows.length < batchSize) return total;
      after = rows[rows.length - 1]!.id;
    } catch (error) {
      await client.query('ROLLBACK');
      throw new Error(`Key rotation of ${target.table}.${target.column} failed: ${(error as Error).message}`, { cause: error });
    }
  }
}

function quote(identifier: string): string {
  return `"${identifier}"`;
}
