import { index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
/**
 * Responses to POST requests sent with an Idempotency-Key, kept 24 hours so that a client retrying
 * after a timeout gets the first outcome instead of a second write. Keyed per caller (`user:<uuid>`),
 * not per entity: no RLS, every query names the caller. `response_status` null = still in flight.
 */
export const idempotencyKeys = pgTable('idempotency_keys', {
    callerKey: text('caller_key').notNull(),
    key: text('key').notNull(),
    /** SHA-256 of method, path and body: the same key with another request is refused. */
    requestHash: text('request_hash').notNull(),
    requestPath: text('request_path').notNull(),
    responseStatus: integer('response_status'),
    responseHeaders: jsonb('response_headers').$type(),
    responseBody: text('response_body'),
    lockedAt: timestamp('locked_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
}, (table) => [primaryKey({ columns: [table.callerKey, table.key] }), index('idempotency_keys_expires_at_idx').on(table.expiresAt)]);
//# sourceMappingURL=idempotency.tables.js.map