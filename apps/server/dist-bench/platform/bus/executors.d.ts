import type pg from 'pg';
import type { Db } from 'pg-boss';
import type { Tx } from '../db/index.js';
/** pg-boss on our shared pool (PGlite or PostgreSQL), as the database owner: schema upkeep, fetching, completing. */
export declare function poolExecutor(pool: pg.Pool): Db;
/** pg-boss statements on a business transaction's connection, as the application role: they commit with it. */
export declare function txExecutor(tx: Tx): Db;
