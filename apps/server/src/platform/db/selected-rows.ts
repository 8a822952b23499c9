/**
 * Rows of a statement built with Drizzle, decoded as Drizzle would (each field through its column's
 * `mapFromDriverValue`), each field's decoder chosen once per statement rather than once per row
 * and field: on a list page Drizzle's generic row mapping (`mapResultRow`, its `is` checks for every
 * value) cost more than the rows' own decoding (docs/perf.md). Date and interval types come back as
 * text, as Drizzle's node-postgres driver asks, so the decoders see what they expect.
 */

import { Column, is, SQL } from 'drizzle-orm';
import { PgTimestamp, type PgColumn } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { typesAsText } from './timestamps.js';
import type { Tx } from './transaction.js';

/** A flat selection as `db.select(…)` takes it: field name → column or SQL expression. */
export type FlatSelection = Record<string, PgColumn | SQL | SQL.Aliased>;

interface Decoder {
  mapFromDriverValue(value: unknown): unknown;
}

/** Each field of a selection with its decoder, in select-list order: what `decodedRow` needs. */
export type SelectionDecoders = ReadonlyArray<{ name: string; decoder: Decoder }>;

/**
 * `timestampsAsText`: `timestamptz` columns are left as PostgreSQL's text (`TimestamptzValue`, for
 * `isoTimestamp`) instead of Drizzle's Date.
 */
export function selectionDecoders(selection: FlatSelection, options: { timestampsAsText?: boolean } = {}): SelectionDecoders {
  return Object.entries(selection).map(([name, field]) => ({
    name,
    decoder: options.timestampsAsText && is(field, PgTimestamp) && field.withTimezone ? AS_TEXT : decoderOf(field),
  }));
}

const AS_TEXT: Decoder = { mapFromDriverValue: (value) => value };

/** Runs a statement already rendered (text and parameters): its rows as arrays, dates and intervals as text. */
export async function arrayRows(tx: Pick<Tx, 'client'>, text: string, params: unknown[]): Promise<unknown[][]> {
  const { rows } = await tx.client.query<unknown[]>({ text, values: params, rowMode: 'array', types: DRIVER_VALUE_TYPES });
  return rows;
}

/** One row of `arrayRows` decoded field by field (values past the fields are left out). */
export function decodedRow<Row>(values: readonly unknown[], fields: SelectionDecoders): Row {
  const row: Record<string, unknown> = {};
  for (let index = 0; index < fields.length; index++) {
    const value = values[index];
    const { name, decoder } = fields[index]!;
    row[name] = value === null ? null : decoder.mapFromDriverValue(value);
  }
  return row as Row;
}

/** Drizzle's own choice (`mapResultRow`); an SQL expression's decoder is internal to Drizzle's types. */
function decoderOf(field: PgColumn | SQL | SQL.Aliased): Decoder {
  if (is(field, Column)) return field;
  const expression = is(field, SQL) ? field : field.sql;
  return (expression as unknown as { decoder: Decoder }).decoder;
}

/** Drizzle's node-postgres driver reads these as text (timestamps, dates, intervals and their arrays). */
const DRIVER_VALUE_TYPES = typesAsText([pg.types.builtins.TIMESTAMPTZ, pg.types.builtins.TIMESTAMP, pg.types.builtins.DATE, pg.types.builtins.INTERVAL, 1231, 1115, 1185, 1187, 1182]);
