import { Type } from 'typebox';
import { defineMessage, type MessageBus } from '../bus/index.js';
import type { Database } from '../db/index.js';
import { purgeExpiredIdempotencyKeys } from './idempotency-store.js';

/** Idempotency keys live 24 h; an hourly purge keeps the table small (expired keys are also ignored on read). */
export const PURGE_IDEMPOTENCY_KEYS = defineMessage({
  name: 'http.purge-idempotency-keys',
  schema: Type.Object({}),
  retryLimit: 1,
  deadLetter: false,
  expireInSeconds: 30 * 60,
});

export function registerIdempotencyJobs(bus: MessageBus, database: Database): void {
  bus.handle(PURGE_IDEMPOTENCY_KEYS, async () => {
    await purgeExpiredIdempotencyKeys(database);
  });
  bus.schedule(PURGE_IDEMPOTENCY_KEYS, '23 * * * *', {});
}
