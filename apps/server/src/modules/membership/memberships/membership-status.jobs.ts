import { Type } from 'typebox';
import { defineMessage, type MessageBus } from '../../../platform/bus/index.js';
import { withTransaction, type Database } from '../../../platform/db/index.js';
import { parisToday } from './calendar-dates.js';
import { settleMembership } from './membership-settle.js';
import { membershipsToSettle } from './memberships.repository.js';

/** Daily (Paris night): moves membership statuses by date and payments (ADR 0020). */
export const MEMBERSHIP_DAILY_STATUS = defineMessage({
  name: 'membership.daily-status',
  schema: Type.Object({ today: Type.Optional(Type.String({ format: 'date', description: 'Business day to settle (tests, catch-up); default today in Paris' })) }),
  retryLimit: 3,
  expireInSeconds: 60 * 60,
});

const PAGE = 200;

export interface DailyStatusResult {
  examined: number;
  changed: number;
}

/**
 * Settles every membership that may move on `today`, one short transaction each (a lock per row,
 * never the whole table). Idempotent: a second run the same day changes nothing.
 */
export async function runDailyStatus(database: Database, today = parisToday()): Promise<DailyStatusResult> {
  const result: DailyStatusResult = { examined: 0, changed: 0 };
  let after: string | null = null;
  for (;;) {
    const cursor: string | null = after;
    const ids: string[] = await withTransaction(database, { kind: 'system' }, (tx) => membershipsToSettle(tx, today, cursor, PAGE), { readOnly: true });
    for (const id of ids) {
      const steps = await withTransaction(database, { kind: 'system' }, (tx) => settleMembership(tx, id, today, null));
      result.examined += 1;
      if (steps.length > 0) result.changed += 1;
    }
    if (ids.length < PAGE) return result;
    after = ids.at(-1)!;
  }
}

export function registerMembershipStatusJobs(bus: MessageBus, database: Database): void {
  bus.handle(MEMBERSHIP_DAILY_STATUS, async ({ today }) => {
    await runDailyStatus(database, today);
  });
  bus.schedule(MEMBERSHIP_DAILY_STATUS, '20 1 * * *', {}, { tz: 'Europe/Paris' });
}
