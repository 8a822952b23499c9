import type pg from 'pg';
import type { Db } from 'pg-boss';
import type { Tx } from '../db/index.js';

/** pg-boss on our shared pool (PGlite or PostgreSQL), as the database owner: schema upkeep, fetching, completing. */
export function poolExecutor(pool: pg.Pool): Db {
  return { executeSql: (text, values) => pool.query(text, values) };
}

/** pg-boss statements on a business transaction's connection, as the application role: they commit with it. */
export function txExecutor(tx: Tx): Db {
  return { executeSql: (text, values) => tx.client.query(text, values) };
}
