import { newId, withTransaction, type Database, type DbScope } from '../db/index.js';
import { NotFoundError } from '../http/errors.js';
import { fetchPage, type CollectionPage } from '../http/collection-sql.js';
import type { CollectionQuery } from '../http/collection.js';
import { findOutboxRow, insertUnsubscribe, type OutboxRow } from './mail-outbox.repository.js';
import { outboxCollection } from './mail-outbox.collection.js';
import type { OutboxMail, OutboxMailDetail } from './mail.schema.js';
import { mailOutbox } from './mail.tables.js';
import type { UnsubscribeClaim, UnsubscribeTokens } from './unsubscribe-token.js';
import { notifyUnsubscribed } from './unsubscribe-listeners.js';

function toOutboxMail(row: OutboxRow): OutboxMail {
  return {
    id: row.id,
    entityId: row.entityId,
    template: row.template,
    to: row.toAddress,
    subject: row.subject,
    status: row.status,
    unsubscribeList: row.unsubscribeList,
    attempts: row.attempts,
    lastError: row.lastError,
    sentAt: row.sentAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function listOutbox(database: Database, scope: DbScope, query: CollectionQuery): Promise<CollectionPage<OutboxMail>> {
  const page = await withTransaction(database, scope, (tx) => fetchPage<OutboxRow>(tx, outboxCollection, query, { table: mailOutbox }), { readOnly: true });
  return { ...page, items: page.items.map(toOutboxMail) };
}

export async function getOutboxMail(database: Database, scope: DbScope, id: string): Promise<OutboxMailDetail> {
  const row = await withTransaction(database, scope, (tx) => findOutboxRow(tx, id), { readOnly: true });
  if (!row) throw new NotFoundError('Mail');
  return { ...toOutboxMail(row), html: row.html, text: row.text, messageId: row.messageId };
}

/**
 * Records the opt-out a signed link carries (once; clicking again is harmless) and tells the
 * listeners (the CRM withdraws the consent) in the same transaction. Resolves null for a token that
 * does not verify.
 */
export async function unsubscribe(database: Database, tokens: UnsubscribeTokens, token: string): Promise<UnsubscribeClaim | null> {
  const outboxId = tokens.verify(token);
  if (!outboxId) return null;
  return withTransaction(database, { kind: 'system' }, async (tx) => {
    const row = await findOutboxRow(tx, outboxId);
    if (!row?.unsubscribePersonId || !row.unsubscribeList) return null;
    const claim: UnsubscribeClaim = { personId: row.unsubscribePersonId, list: row.unsubscribeList, entityId: row.entityId, outboxId };
    const first = await insertUnsubscribe(tx, { id: newId(), ...claim });
    if (first) await notifyUnsubscribed(tx, claim);
    return claim;
  });
}
