import { index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
/**
 * Idempotency markers: a handler inserts its key in the same transaction as its effect (see
 * runOnce), so a redelivered job finds the marker and skips the effect. Network-wide, no RLS:
 * keys are job ids or technical keys, never personal data.
 */
export const processedMessages = pgTable('processed_messages', {
    key: text('key').primaryKey(),
    processedAt: timestamp('processed_at', { withTimezone: true }).notNull().defaultNow(),
}, (table) => [index('processed_messages_processed_at_idx').on(table.processedAt)]);
//# sourceMappingURL=processed-messages.tables.js.map