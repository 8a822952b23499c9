import { sql } from 'drizzle-orm';
import type { Tx } from '../db/index.js';
import { mailOutbox, type MailList, type MailStatus } from './mail.tables.js';

/** Longer than the delivery job's expiry: a `sending` mail older than this lost its worker. */
export const STALE_ATTEMPT_SECONDS = 6 * 60;

export type OutboxRow = typeof mailOutbox.$inferSelect;

export interface NewOutboxRow {
  id: string;
  entityId: string;
  template: string;
  toAddress: string;
  subject: string;
  html: string;
  text: string;
  status: MailStatus;
  unsubscribePersonId: string | null;
  unsubscribeList: MailList | null;
}

export async function insertOutboxRow(tx: Tx, row: NewOutboxRow): Promise<OutboxRow> {
  const [inserted] = await tx.db.insert(mailOutbox).values(row).returning();
  return inserted!;
}

export async function findOutboxRow(tx: Tx, id: string): Promise<OutboxRow | null> {
  const [row] = await tx.db.select().from(mailOutbox).where(sql`${mailOutbox.id} = ${id}`);
  return row ?? null;
}

/**
 * Claims a mail for one delivery attempt: a `queued` mail, or a `sending` one whose attempt has
 * outlived the job expiry (its worker died). Resolves null when this attempt must not send.
 */
export async function claimForDelivery(tx: Tx, id: string): Promise<OutboxRow | null> {
  const [row] = await tx.db
    .update(mailOutbox)
    .set({ status: 'sending', attempts: sql`${mailOutbox.attempts} + 1`, updatedAt: sql`now()` })
    .where(
      sql`${mailOutbox.id} = ${id} AND (${mailOutbox.status} = 'queued' OR (${mailOutbox.status} = 'sending' AND ${mailOutbox.updatedAt} < now() - make_interval(secs => ${STALE_ATTEMPT_SECONDS})))`,
    )
    .returning();
  return row ?? null;
}

export async function markSent(tx: Tx, id: string, messageId: string): Promise<void> {
  await tx.db
    .update(mailOutbox)
    .set({ status: 'sent', messageId, lastError: null, sentAt: sql`now()`, updatedAt: sql`now()` })
    .where(sql`${mailOutbox.id} = ${id}`);
}

/** After a failed attempt: back to `queued` for the next retry, or `failed` after the last one. */
export async function markAttemptFailed(tx: Tx, id: string, error: string, final: boolean): Promise<void> {
  await tx.db
    .update(mailOutbox)
    .set({ status: final ? 'failed' : 'queued', lastError: error.slice(0, 1000), updatedAt: sql`now()` })
    .where(sql`${mailOutbox.id} = ${id}`);
}

export async function isUnsubscribed(tx: Tx, personId: string, list: MailList): Promise<boolean> {
  const { rows } = await tx.client.query('SELECT 1 FROM mail_unsubscribes WHERE person_id = $1 AND list = $2', [personId, list]);
  return rows.length > 0;
}

/** Records the opt-out once; a second click of the same link changes nothing. Resolves true the first time. */
export async function insertUnsubscribe(tx: Tx, row: { id: string; entityId: string; personId: string; list: MailList; outboxId: string }): Promise<boolean> {
  const { rows } = await tx.client.query(
    `INSERT INTO mail_unsubscribes (id, entity_id, person_id, list, outbox_id) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (person_id, list) DO NOTHING RETURNING id`,
    [row.id, row.entityId, row.personId, row.list, row.outboxId],
  );
  return rows.length > 0;
}
