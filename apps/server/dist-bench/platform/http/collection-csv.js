import { Readable } from 'node:stream';
import { CSV_CONTENT_TYPE } from '@maillage/contracts';
import { recordAudit } from '../audit/index.js';
import { withTransaction } from '../db/index.js';
export const CSV_BATCH_SIZE = 500;
const BOM = '\uFEFF';
/** True when the client prefers CSV over JSON (`Accept: text/csv`, honouring q-values). */
export function wantsCsv(request) {
    const accept = request.headers.accept;
    if (!accept)
        return false;
    let csv = 0;
    let json = 0;
    for (const part of accept.split(',')) {
        const [range = '', ...params] = part.trim().toLowerCase().split(';');
        const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
        const q = qParam ? Number(qParam.slice(2)) || 0 : 1;
        if (range === CSV_CONTENT_TYPE)
            csv = Math.max(csv, q);
        if (range === 'application/json')
            json = Math.max(json, q);
    }
    return csv > 0 && csv >= json;
}
export async function sendCsv(reply, options) {
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
async function* csvLines(options) {
    yield BOM + csvRow(options.columns.map((column) => column.name));
    let query = { ...options.query, limit: options.batchSize ?? CSV_BATCH_SIZE, count: 'none' };
    for (;;) {
        const page = await options.fetch(query);
        // One string per batch: far fewer stream chunks than one per row, still bounded by the batch size.
        yield page.items.map((row) => csvRow(options.columns.map((column) => (column.value ? column.value(row) : row[column.name])))).join('');
        if (!page.nextAfter)
            return;
        query = { ...query, after: page.nextAfter };
    }
}
/** One RFC 4180 record, CRLF-terminated. */
export function csvRow(values) {
    return values.map(csvCell).join(',') + '\r\n';
}
export function csvCell(value) {
    let text;
    if (value === null || value === undefined)
        text = '';
    else if (value instanceof Date)
        text = value.toISOString();
    else if (typeof value === 'object')
        text = JSON.stringify(value);
    else
        text = String(value);
    // Spreadsheets run a cell starting with = + - @ as a formula (CSV injection): a leading apostrophe
    // keeps it text. Numbers are left alone so that negative amounts stay numeric.
    if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text))
        text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
//# sourceMappingURL=collection-csv.js.map