import { Type } from 'typebox';
import { defineMessage, type MessageBus } from '../../../platform/bus/index.js';
import type { Database } from '../../../platform/db/index.js';
import { runPersonRetention } from './person-retention.js';

/** Daily retention sweep of contact persons (GDPR storage limitation). */
export const SWEEP_PERSON_RETENTION = defineMessage({
  name: 'crm.sweep-person-retention',
  schema: Type.Object({}),
  retryLimit: 3,
  expireInSeconds: 60 * 60,
});

export function registerPersonJobs(bus: MessageBus, database: Database, noticeDays: number): void {
  bus.handle(SWEEP_PERSON_RETENTION, async () => {
    await runPersonRetention(database, { noticeDays });
  });
  bus.schedule(SWEEP_PERSON_RETENTION, '41 2 * * *', {});
}
