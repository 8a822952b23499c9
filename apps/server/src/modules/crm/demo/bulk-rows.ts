import type pg from 'pg';

export interface BulkTable {
  name: string;
  /** Column name and PostgreSQL type of each value pushed, in order. */
  columns: ReadonlyArray<readonly [name: string, type: string]>;
}

/**
 * Rows collected column by column and written in ONE statement:
 * `INSERT … SELECT * FROM unnest($1::uuid[], $2::text[], …) ON CONFLICT DO NOTHING`. One parameter
 * per column whatever the number of rows (multi-row VALUES stops at 65,535 parameters), the same
 * statement text every time, and it runs the same on PGlite and PostgreSQL. `ON CONFLICT DO
 * NOTHING` makes a re-run meet its own rows (same ids) and skip them.
 */
export class BulkRows {
  private readonly values: unknown[][];
  private readonly statement: string;

  constructor(private readonly table: BulkTable) {
    this.values = table.columns.map(() => []);
    const names = table.columns.map(([name]) => name).join(', ');
    const arrays = table.columns.map(([, type], index) => `$${index + 1}::${type}[]`).join(', ');
    this.statement = `INSERT INTO ${table.name} (${names}) SELECT * FROM unnest(${arrays}) ON CONFLICT DO NOTHING`;
  }

  get size(): number {
    return this.values[0]!.length;
  }

  push(...row: unknown[]): void {
    if (row.length !== this.values.length) throw new Error(`${this.table.name}: ${row.length} values for ${this.values.length} columns.`);
    row.forEach((value, index) => this.values[index]!.push(value));
  }

  /** Writes the collected rows and empties the buffer; returns the number of rows inserted. */
  async flush(client: pg.PoolClient): Promise<number> {
    if (this.size === 0) return 0;
    const result = await client.query(this.statement, this.values);
    for (const column of this.values) column.length = 0;
    return result.rowCount ?? 0;
  }
}
