import { Type } from 'typebox';
import { defineMessage, type MessageBus } from '../../../platform/bus/index.js';
import { withTransaction, type Database } from '../../../platform/db/index.js';
import { deleteExpiredSessions } from './sessions.repository.js';

/** Expired sessions are refused on read already; the hourly purge keeps the table from growing. */
export const PURGE_EXPIRED_SESSIONS = defineMessage({
  name: 'identity.purge-expired-sessions',
  schema: Type.Object({}),
  retryLimit: 1,
  deadLetter: false,
  expireInSeconds: 30 * 60,
});

export function registerSessionJobs(bus: MessageBus, database: Database): void {
  bus.handle(PURGE_EXPIRED_SESSIONS, async () => {
    await withTransaction(database, { kind: 'system' }, deleteExpiredSessions);
  });
  bus.schedule(PURGE_EXPIRED_SESSIONS, '17 * * * *', {});
}
