/** Anything that runs SQL and returns rows: a pg client or pool, or an embedded PGlite instance. */
export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: Row[] }>;
}

export interface TableStats {
  schema: string;
  name: string;
  rows: number;
  /**
   * Order-independent fingerprint of the table's content: the sum of a 60-bit prefix of md5(row
   * text) over all rows, as a decimal string. Computed in constant memory, and equal on two
   * databases holding the same rows whatever their physical order.
   */
  checksum: string;
}

export interface MigrationLevel {
  applied: number;
  /** Hash of the last migration applied (drizzle's journal), null on a blank database. */
  lastHash: string | null;
}

const SYSTEM_SCHEMAS = `('pg_catalog', 'information_schema', 'pg_toast')`;

/** Every ordinary table (partitions included, their parents hold no rows) outside the system schemas. */
export async function listUserTables(db: Queryable): Promise<Array<{ schema: string; name: string }>> {
  const { rows } = await db.query<{ schema: string; name: string }>(
    `SELECT n.nspname AS schema, c.relname AS name
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind = 'r' AND n.nspname NOT IN ${SYSTEM_SCHEMAS} AND n.nspname NOT LIKE 'pg_temp%'
      ORDER BY 1, 2`,
  );
  return rows;
}

export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export async function tableStats(db: Queryable): Promise<TableStats[]> {
  const stats: TableStats[] = [];
  for (const table of await listUserTables(db)) {
    const { rows } = await db.query<{ rows: number | string; checksum: string }>(
      `SELECT count(*)::bigint AS rows,
              coalesce(sum(('x' || substr(md5(t::text), 1, 15))::bit(60)::bigint), 0)::text AS checksum
         FROM ${quoteIdentifier(table.schema)}.${quoteIdentifier(table.name)} AS t`,
    );
    stats.push({ ...table, rows: Number(rows[0]!.rows), checksum: rows[0]!.checksum });
  }
  return stats;
}

export async function migrationLevel(db: Queryable): Promise<MigrationLevel> {
  const { rows: journal } = await db.query<{ present: boolean }>(`SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS present`);
  if (!journal[0]?.present) return { applied: 0, lastHash: null };
  const { rows } = await db.query<{ applied: number | string; last_hash: string | null }>(
    `SELECT (SELECT count(*) FROM drizzle.__drizzle_migrations) AS applied,
            (SELECT hash FROM drizzle.__drizzle_migrations ORDER BY created_at DESC, id DESC LIMIT 1) AS last_hash`,
  );
  return { applied: Number(rows[0]!.applied), lastHash: rows[0]!.last_hash };
}

/** Describes each table whose count or checksum differs, or that exists on one side only. */
export function compareTableStats(expected: readonly TableStats[], actual: readonly TableStats[]): string[] {
  const key = (t: { schema: string; name: string }) => `${t.schema}.${t.name}`;
  const actualByKey = new Map(actual.map((t) => [key(t), t]));
  const problems: string[] = [];
  for (const table of expected) {
    const found = actualByKey.get(key(table));
    actualByKey.delete(key(table));
    if (!found) problems.push(`${key(table)}: missing`);
    else if (found.rows !== table.rows) problems.push(`${key(table)}: ${found.rows} rows instead of ${table.rows}`);
    else if (found.checksum !== table.checksum) problems.push(`${key(table)}: content differs (checksum)`);
  }
  for (const extra of actualByKey.keys()) problems.push(`${extra}: not in the backup`);
  return problems;
}
