import type { FastifyReply, FastifyRequest } from 'fastify';
import { type AuditEventInput } from '../audit/index.js';
import { type Database, type DbScope } from '../db/index.js';
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
export declare const CSV_BATCH_SIZE = 500;
/** True when the client prefers CSV over JSON (`Accept: text/csv`, honouring q-values). */
export declare function wantsCsv(request: FastifyRequest): boolean;
export declare function sendCsv<Row>(reply: FastifyReply, options: CsvExport<Row>): Promise<FastifyReply>;
/** One RFC 4180 record, CRLF-terminated. */
export declare function csvRow(values: readonly unknown[]): string;
export declare function csvCell(value: unknown): string;
