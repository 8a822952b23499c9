import type { Database } from '../db/index.js';
import { withTransaction } from '../db/index.js';
import { claimForDelivery, findOutboxRow, markAttemptFailed, markSent, type OutboxRow } from './mail-outbox.repository.js';
import type { MailRuntime } from './mail-runtime.js';
import { unsubscribeUrl } from './queue-mail.js';

export type DeliveryOutcome = 'sent' | 'skipped' | 'retry' | 'failed';

/**
 * One delivery attempt of an outbox mail. Idempotent: only a `queued` (or interrupted `sending`)
 * mail is sent, so a redelivered job finds it `sent` and does nothing. The SMTP exchange happens
 * outside any transaction (PGlite has a single connection; a slow server must not hold it).
 * A crash between the server's acceptance and the `sent` mark can still send twice; the stable
 * Message-ID lets receiving servers drop the duplicate.
 */
export async function deliverOutboxMail(database: Database, runtime: MailRuntime, outboxId: string, options: { finalAttempt: boolean }): Promise<DeliveryOutcome> {
  const { row, current } = await withTransaction(database, { kind: 'system' }, async (tx) => {
    const claimed = await claimForDelivery(tx, outboxId);
    return { row: claimed, current: claimed ? null : await findOutboxRow(tx, outboxId) };
  });
  // Another attempt is running right now: try again later rather than send twice.
  if (current?.status === 'sending') throw new Error('Another delivery attempt of this mail is in progress');
  if (!row) return 'skipped';
  try {
    if (!runtime.transport) throw new Error('No SMTP server is configured in this process');
    const info = await runtime.transport.sendMail(messageOf(row, runtime));
    await withTransaction(database, { kind: 'system' }, (tx) => markSent(tx, row.id, info.messageId ?? messageIdOf(row)));
    return 'sent';
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await withTransaction(database, { kind: 'system' }, (tx) => markAttemptFailed(tx, row.id, message, options.finalAttempt));
    if (options.finalAttempt) return 'failed';
    throw error;
  }
}

function messageIdOf(row: OutboxRow): string {
  return `<${row.id}@maillage>`;
}

function messageOf(row: OutboxRow, runtime: MailRuntime) {
  const headers: Record<string, string> = {};
  if (row.unsubscribePersonId && row.unsubscribeList) {
    const token = runtime.tokens.sign(row.id);
    // RFC 2369 and RFC 8058 (one-click: the mail client POSTs to the link, no page to visit).
    headers['List-Unsubscribe'] = `<${unsubscribeUrl(runtime.publicUrl, token)}>`;
    headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
  }
  return {
    from: runtime.from,
    to: row.toAddress,
    subject: row.subject,
    html: row.html,
    text: row.text,
    messageId: messageIdOf(row),
    headers,
  };
}
