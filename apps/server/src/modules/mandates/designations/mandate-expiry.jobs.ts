import { Type } from 'typebox';
import { defineMessage } from '../../../platform/bus/index.js';
import { withTransaction, type Database } from '../../../platform/db/index.js';
import { createFollowUpTask } from '../../tasks/index.js';
import { addDays, todayUtc } from './mandate-actor.js';
import { mandatesEndingBetween } from './mandates.repository.js';

/** Days before its end at which a mandate raises a follow-up task (renewal or new designation). */
export const EXPIRY_NOTICE_DAYS = 90;

/** Daily: raises the follow-up tasks of mandates entering their last 90 days. */
export const RAISE_MANDATE_EXPIRY_TASKS = defineMessage({ name: 'mandates.raise-expiry-tasks', schema: Type.Object({}) });

const frenchDate = (isoDate: string) => isoDate.split('-').reverse().join('/');

/**
 * One task per mandate ending within the notice period (dedupe key `mandate-expiry:<id>`), owned
 * by the designating entity and due on the mandate's last day. Idempotent: a second run, or the
 * run of the next day, finds the task raised before (even if staff closed it since). Catches up
 * by itself after days without a run, since it looks at the whole window.
 */
export async function raiseMandateExpiryTasks(database: Database, today: string = todayUtc()): Promise<{ raised: number }> {
  return withTransaction(database, { kind: 'system' }, async (tx) => {
    let raised = 0;
    for (const mandate of await mandatesEndingBetween(tx, today, addDays(today, EXPIRY_NOTICE_DAYS))) {
      const { created } = await createFollowUpTask(tx, {
        entityId: mandate.entityId,
        title: `Mandat de ${mandate.personName} (${mandate.bodyName}, ${mandate.seatLabel}) : échéance le ${frenchDate(mandate.endOn)} — renouveler ou désigner un successeur`,
        dueOn: mandate.endOn,
        relatedTo: { kind: 'mandate', id: mandate.id },
        dedupeKey: `mandate-expiry:${mandate.id}`,
      });
      if (created) raised += 1;
    }
    return { raised };
  });
}
