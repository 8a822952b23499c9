import type { Queryable } from '../table-stats.js';

export interface ColumnInfo {
  name: string;
  /** PostgreSQL type as `format_type` prints it, e.g. `timestamp with time zone`, `text[]`. */
  type: string;
  nullable: boolean;
  /** Computed by the database (GENERATED ALWAYS AS … STORED): never exported, never inserted. */
  generated: boolean;
}

export interface ForeignKey {
  table: string;
  column: string;
  referencedTable: string;
  referencedColumn: string;
}

export interface TableInfo {
  name: string;
  columns: ColumnInfo[];
  primaryKey: string[];
}

/** Tables, columns and single-column foreign keys of the `public` schema, read from the catalog. */
export interface SchemaCatalog {
  tables: Map<string, TableInfo>;
  foreignKeys: ForeignKey[];
}

export async function readSchemaCatalog(db: Queryable): Promise<SchemaCatalog> {
  const { rows: columns } = await db.query<{ table: string; name: string; type: string; nullable: boolean; generated: boolean; primary: boolean }>(
    `SELECT c.relname AS table, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, NOT a.attnotnull AS nullable,
            a.attgenerated <> '' AS generated,
            EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid AND i.indisprimary AND a.attnum = ANY (i.indkey)) AS primary
       FROM pg_attribute a
       JOIN pg_class c ON c.oid = a.attrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY c.relname, a.attnum`,
  );
  const tables = new Map<string, TableInfo>();
  for (const column of columns) {
    const table = tables.get(column.table) ?? { name: column.table, columns: [], primaryKey: [] };
    table.columns.push({ name: column.name, type: column.type, nullable: column.nullable, generated: column.generated });
    if (column.primary) table.primaryKey.push(column.name);
    tables.set(column.table, table);
  }
  const { rows: foreignKeys } = await db.query<ForeignKey>(
    `SELECT cl.relname AS "table", a.attname AS "column", rc.relname AS "referencedTable", ra.attname AS "referencedColumn"
       FROM pg_constraint k
       JOIN pg_class cl ON cl.oid = k.conrelid
       JOIN pg_namespace n ON n.oid = cl.relnamespace
       JOIN pg_class rc ON rc.oid = k.confrelid
       JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1]
       JOIN pg_attribute ra ON ra.attrelid = k.confrelid AND ra.attnum = k.confkey[1]
      WHERE k.contype = 'f' AND n.nspname = 'public' AND cardinality(k.conkey) = 1
      ORDER BY 1, 2`,
  );
  return { tables, foreignKeys };
}
