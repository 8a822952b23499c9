import { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CSV_CONTENT_TYPE } from '@maillage/contracts';
import { recordAudit, type AuditEventInput } from '../audit/index.js';
import { withTransaction, type Database, type DbScope } from '../db/index.js';
import type { CollectionQuery } from './collection.js';
import type { CollectionPage } from './collection-sql.js';

/**
 * `Accept: text/csv` on a collection: the same filtered, sorted and scoped rows as the JSON pages,
 * streamed in keyset batches. Each batch runs in its own short transaction (the caller's `fetch`),
 * so a slow download never holds a connection: memory stays constant, but the file is not one
 * snapshot (a row changed during the export may appear in its new position or not at all).
 */

export interface CsvColumn<Row> {
  /** Header cell: the field name of the JSON representation. */
  name: string;
  /** Defaults to `row[name]`. */
  value?: (row: Row) => unknown;
}

export interface CsvExport<Row> {
  query: CollectionQuery;
  /** Fetches one batch in its own scoped transaction (usually the same function as the JSON route). */
  fetch: (query: CollectionQuery) => Promise<CollectionPage<Row>>;
  columns: ReadonlyArray<CsvColumn<Row>>;
  /** File name without extension, e.g. `organisations`; the date is appended. */
  filename: string;
  batchSize?: number;
  /**
   * The audit event appended (in its own transaction, before the first byte) for this export:
   * bulk reads of personal data are traced. `false` only for exports without personal data.
   * A failure here aborts the export with a normal problem+json response.
   */
  audit: CsvExportAudit | false;
}

export interface CsvExportAudit {
  database: Database;
  scope: DbScope;
  /** e.g. `{ action: 'crm.organization.exported', resourceType: 'organization', resourceId: null, entityId, actor }`; the query is added. */
  event: AuditEventInput;
}

export const CSV_BATCH_SIZE = 500;
const BOM = '\uFEFF';

/** True when the client prefers CSV over JSON (`Accept: text/csv`, honouring q-values). */
export function wantsCsv(request: FastifyRequest): boolean {
  const accept = request.headers.accept;
  if (!accept) return false;
  let csv = 0;
  let json = 0;
  for (const part of accept.split(',')) {
    const [range = '', ...params] = part.trim().toLowerCase().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) || 0 : 1;
    if (range === CSV_CONTENT_TYPE) csv = Math.max(csv, q);
    if (range === 'application/json') json = Math.max(json, q);
  }
  return csv > 0 && csv >= json;
}

export async function sendCsv<Row>(reply: FastifyReply, options: CsvExport<Row>): Promise<FastifyReply> {
  if (options.audit) {
    const { database, scope, event } = options.audit;
    const query = { filters: options.query.filters, sort: options.query.sort, format: 'csv' };
    await withTransaction(database, scope, (tx) => recordAudit(tx, { ...event, after: { ...(event.after ?? {}), query } }));
  }
  const stamp = new Date().toISOString().slice(0, 10);
  return reply
    .type(`${CSV_CONTENT_TYPE}; charset=utf-8`)
    .header('content-disposition', `attachment; filename="${options.filename}-${stamp}.csv"`)
    .header('cache-control', 'no-store')
    .send(Readable.from(csvLines(options), { objectMode: false }));
}

async function* csvLines<Row>(options: CsvExport<Row>): AsyncGenerator<string> {
  yield BOM + csvRow(options.columns.map((column) => column.name));
  let query: CollectionQuery = { ...options.query, limit: options.batchSize ?? CSV_BATCH_SIZE, count: 'none' };
  for (;;) {
    const page = await options.fetch(query);
    // One string per batch: far fewer stream chunks than one per row, still bounded by the batch size.
    yield page.items.map((row) => csvRow(options.columns.map((column) => (column.value ? column.value(row) : (row as Record<string, unknown>)[column.name])))).join('');
    if (!page.nextAfter) return;
    query = { ...query, after: page.nextAfter };
  }
}

/** One RFC 4180 record, CRLF-terminated. */
export function csvRow(values: readonly unknown[]): string {
  return values.map(csvCell).join(',') + '\r\n';
}

export function csvCell(value: unknown): string {
  let text: string;
  if (value === null || value === undefined) text = '';
  else if (value instanceof Date) text = value.toISOString();
  else if (typeof value === 'object') text = JSON.stringify(value);
  else text = String(value);
  // Spreadsheets run a cell starting with = + - @ as a formula (CSV injection): a leading apostrophe
  // keeps it text. Numbers are left alone so that negative amounts stay numeric.
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
