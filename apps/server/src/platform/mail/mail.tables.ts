import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { entities } from '../tenancy/entity-tree.tables.js';
import { tenantIsolationPolicy } from '../tenancy/tenant-policy.js';

/**
 * `queued`: waits for the delivery job; `sending`: an attempt is running (a crashed attempt is retried);
 * `sent`/`failed`: final; `kept`: embedded mode (no SMTP configured), kept for reading in the outbox;
 * `suppressed`: the recipient had unsubscribed from this list when the mail was queued.
 */
export const MAIL_STATUSES = ['queued', 'sending', 'sent', 'failed', 'kept', 'suppressed'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

/** Lists a person can leave through the unsubscribe link (the CRM consent channels that need consent). */
export const MAIL_LISTS = ['newsletter', 'events'] as const;
export type MailList = (typeof MAIL_LISTS)[number];

/**
 * Outgoing mail of an entity (tenant-owned, RLS). The message is rendered when queued, so the outbox
 * shows exactly what was (or will be) sent, and a later template change never alters a queued mail.
 */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: uuid('id').primaryKey(),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id),
    template: text('template').notNull(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    html: text('html').notNull(),
    text: text('text').notNull(),
    status: text('status', { enum: MAIL_STATUSES }).notNull(),
    /** Set for list mail (newsletter…): who may leave which list through the link and header. */
    unsubscribePersonId: uuid('unsubscribe_person_id'),
    unsubscribeList: text('unsubscribe_list', { enum: MAIL_LISTS }),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    messageId: text('message_id'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('mail_outbox_entity_id_idx').on(table.entityId, table.createdAt),
    index('mail_outbox_pending_idx').on(table.status).where(sql`${table.status} IN ('queued', 'sending')`),
    check('mail_outbox_status', sql`${table.status} IN ('queued', 'sending', 'sent', 'failed', 'kept', 'suppressed')`),
    check('mail_outbox_unsubscribe_list', sql`${table.unsubscribeList} IS NULL OR ${table.unsubscribeList} IN ('newsletter', 'events')`),
    check('mail_outbox_unsubscribe_pair', sql`(${table.unsubscribePersonId} IS NULL) = (${table.unsubscribeList} IS NULL)`),
    tenantIsolationPolicy('mail_outbox'),
  ],
).enableRLS();

/**
 * Opt-outs recorded through unsubscribe links (one per person and list). The entity is the one that
 * sent the mail: its staff see who left its lists. Kept even when the CRM also records the consent
 * withdrawal, as the proof of how the opt-out arrived.
 */
export const mailUnsubscribes = pgTable(
  'mail_unsubscribes',
  {
    id: uuid('id').primaryKey(),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id),
    personId: uuid('person_id').notNull(),
    list: text('list', { enum: MAIL_LISTS }).notNull(),
    outboxId: uuid('outbox_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique('mail_unsubscribes_person_list_unique').on(table.personId, table.list),
    index('mail_unsubscribes_entity_id_idx').on(table.entityId),
    check('mail_unsubscribes_list', sql`${table.list} IN ('newsletter', 'events')`),
    tenantIsolationPolicy('mail_unsubscribes'),
  ],
).enableRLS();
