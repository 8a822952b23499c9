import { Type } from 'typebox';
import { withTransaction, type Database } from '../db/index.js';
import { defineMessage } from './message.js';

/** Longer than any job can be retried or redriven (pg-boss keeps queued jobs 14 days). */
const KEEP_DAYS = 30;

export const PURGE_PROCESSED_MESSAGES = defineMessage({ name: 'platform.purge-processed-messages', schema: Type.Object({}), retryLimit: 2 });

/** Idempotency markers only matter while their job may still be redelivered. */
export async function purgeProcessedMessages(database: Database): Promise<void> {
  await withTransaction(database, { kind: 'system' }, (tx) =>
    tx.client.query(`DELETE FROM processed_messages WHERE processed_at < now() - make_interval(days => $1)`, [KEEP_DAYS]),
  );
}
