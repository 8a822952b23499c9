import type { Principal } from '../../../platform/auth/index.js';
import { withTransaction, type Database } from '../../../platform/db/index.js';
import type { EntityTreeCache } from '../../../platform/tenancy/entity-tree.js';
import { NotFoundError } from '../../../platform/http/errors.js';
import { eventStats } from '../../events/index.js';
import { EXPIRY_NOTICE_DAYS, mandateStats } from '../../mandates/index.js';
import { addDays, membershipStats, parisToday } from '../../membership/index.js';
import { lastDayOf, monthsFrom } from './dashboard-months.js';
import type { Dashboard, DashboardQuery } from './dashboard.schema.js';
import { DASHBOARD_PERMISSIONS } from './permissions.js';

/** Upcoming events: those starting within this many days. */
export const UPCOMING_EVENT_DAYS = 90;
const NEXT_EVENTS = 10;
const MANDATE_MONTHS = 12;

const rate = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

/**
 * The figures of the caller's scope, or of one entity of it and its sub-entities: the transaction's
 * scope is that subtree (row-level security), and the statements repeat its entity ids so that the
 * planner can use the `entity_id` indexes. An entity out of the caller's scope answers 404.
 */
export interface DashboardDeps {
  database: Database;
  entityTree: EntityTreeCache;
}

export async function readDashboard(deps: DashboardDeps, principal: Principal, query: DashboardQuery, now = new Date()): Promise<Dashboard> {
  const permission = DASHBOARD_PERMISSIONS.read;
  if (query.entityId && !principal.holdsOn(permission, query.entityId)) throw new NotFoundError('Entity');
  const entityRoots = query.entityId ? [query.entityId] : principal.rootsFor(permission);
  const entityIds = [...(await deps.entityTree.current()).expand(entityRoots)];
  const today = parisToday(now);
  const year = Number(today.slice(0, 4));
  const months = monthsFrom(today, MANDATE_MONTHS);
  const eventsTo = new Date(now.getTime() + UPCOMING_EVENT_DAYS * 86_400_000);

  return withTransaction(
    deps.database,
    { kind: 'entities', entityRoots, userId: principal.userId },
    async (tx) => {
      const membership = await membershipStats(tx, { entityIds, duesYear: year, renewalYears: [year - 1, year] });
      const events = await eventStats(tx, { entityIds, from: now, to: eventsTo, limit: NEXT_EVENTS });
      const mandates = await mandateStats(tx, { entityIds, from: today, to: lastDayOf(months.at(-1)!), soonUntil: addDays(today, EXPIRY_NOTICE_DAYS) });
      const ending = new Map(mandates.endingByMonth.map((entry) => [entry.month, entry.count]));
      const { byStatus } = membership;
      return {
        entityId: query.entityId ?? null,
        year,
        asOf: today,
        members: { active: byStatus.active + byStatus.grace, byStatus },
        renewals: membership.renewals.map((renewal) => ({ ...renewal, rate: rate(renewal.renewed, renewal.due) })),
        dues: { ...membership.dues, currency: 'EUR' as const, collectionRate: rate(membership.dues.collectedCents, membership.dues.invoicedCents), overdueCents: membership.overdueCents },
        events: {
          from: now.toISOString(),
          to: eventsTo.toISOString(),
          upcomingCount: events.upcomingCount,
          seatsTaken: events.seatsTaken,
          seatsOffered: events.seatsOffered,
          fillRate: rate(events.seatsTaken, events.seatsOffered),
          next: events.next.map((event) => ({ ...event, fillRate: event.capacity === null ? null : rate(event.seatsTaken, event.capacity) })),
        },
        mandates: { endingSoonDays: EXPIRY_NOTICE_DAYS, endingSoon: mandates.endingSoon, endingByMonth: months.map((month) => ({ month, count: ending.get(month) ?? 0 })) },
      };
    },
    { readOnly: true },
  );
}
