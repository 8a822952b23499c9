import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withOwnerClient } from '../../../platform/db/index.js';
import { createCrmTestNetwork, type CrmTestNetwork } from '../../../test/factories/crm-network.js';
import { seedDashboardFigures } from '../../../test/factories/dashboard.js';
import { addDays, parisToday } from '../../membership/index.js';
import type { Dashboard } from './dashboard.schema.js';
import { monthsFrom } from './dashboard-months.js';

const today = parisToday();
const year = Number(today.slice(0, 4));

/**
 * The membership figures computed from the source rows of a subtree (all entities when `root` is
 * null), and every event's seats, as the dashboard computed them before it read the totals that
 * triggers maintain.
 */
async function liveMembershipFigures(client: pg.PoolClient, root: string | null) {
  const { rows } = await client.query<{ by_status: Record<string, number> | null; renewals: Array<{ year: number; due: number; renewed: number }> | null; invoiced: string; collected: string; overdue: string }>(
    `WITH scope AS (SELECT id FROM entities WHERE $1::uuid IS NULL UNION SELECT descendant_id FROM entity_tree_paths WHERE ancestor_id = $1::uuid)
     SELECT
       (SELECT json_object_agg(status, n) FROM (SELECT status, count(*)::int AS n FROM memberships WHERE entity_id IN (SELECT id FROM scope) GROUP BY status) s) AS by_status,
       (SELECT json_agg(r ORDER BY r.year) FROM (
          SELECT ri.year, count(*)::int AS due, (count(*) FILTER (WHERE i.status = 'paid'))::int AS renewed
            FROM renewal_invoices ri JOIN invoices i ON i.id = ri.invoice_id AND i.entity_id IN (SELECT id FROM scope)
           WHERE ri.entity_id IN (SELECT id FROM scope) AND ri.outcome = 'issued' AND ri.year IN ($2::int - 1, $2::int)
           GROUP BY ri.year) r) AS renewals,
       (SELECT coalesce(sum(total_incl_tax_cents - credited_cents), 0)::bigint FROM invoices
         WHERE entity_id IN (SELECT id FROM scope) AND kind = 'invoice' AND series = 'COT' AND fiscal_year = $2::int AND status IN ('issued', 'partially_paid', 'paid')) AS invoiced,
       (SELECT coalesce(sum(paid_cents), 0)::bigint FROM invoices
         WHERE entity_id IN (SELECT id FROM scope) AND kind = 'invoice' AND series = 'COT' AND fiscal_year = $2::int AND status IN ('issued', 'partially_paid', 'paid')) AS collected,
       (SELECT coalesce(sum(total_incl_tax_cents - paid_cents - credited_cents), 0)::bigint FROM invoices
         WHERE entity_id IN (SELECT id FROM scope) AND kind = 'invoice' AND status IN ('issued', 'partially_paid') AND due_date < (now() AT TIME ZONE 'Europe/Paris')::date) AS overdue`,
    [root, year],
  );
  const row = rows[0]!;
  const renewals = new Map((row.renewals ?? []).map((renewal) => [renewal.year, renewal]));
  const seats = await client.query<{ id: string; seats_taken: number; waiting: number }>(
    `SELECT e.id, (count(r.id) FILTER (WHERE r.status IN ('registered', 'attended')))::int AS seats_taken, (count(r.id) FILTER (WHERE r.status = 'waiting'))::int AS waiting
       FROM events e LEFT JOIN event_registrations r ON r.event_id = e.id GROUP BY e.id`,
  );
  return {
    seats: new Map(seats.rows.map((event) => [event.id, { seatsTaken: event.seats_taken, waiting: event.waiting }])),
    byStatus: { pending: 0, active: 0, grace: 0, lapsed: 0, cancelled: 0, ...row.by_status },
    renewals: [year - 1, year].map((renewalYear) => ({ year: renewalYear, due: renewals.get(renewalYear)?.due ?? 0, renewed: renewals.get(renewalYear)?.renewed ?? 0 })),
    dues: { invoicedCents: Number(row.invoiced), collectedCents: Number(row.collected), overdueCents: Number(row.overdue) },
  };
}

describe('GET /api/v1/dashboard: figures of a scope and branch isolation', () => {
  let n: CrmTestNetwork;
  const soon = addDays(today, 30);
  const later = addDays(today, 200);

  beforeAll(async () => {
    n = await createCrmTestNetwork('dashboard');
    await seedDashboardFigures(n.database, n.ids['69']!, n.ids['75']!);
  }, 300_000);
  afterAll(() => n.t.close());

  const dashboard = async (who: CrmTestNetwork['staff'][keyof CrmTestNetwork['staff']], query = ''): Promise<Dashboard> => {
    const response = await n.call(who, 'GET', `/api/v1/dashboard${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<Dashboard>();
  };
  const endingByMonth = (...ends: string[]) => monthsFrom(today, 12).map((month) => ({ month, count: ends.filter((end) => end.startsWith(month)).length }));

  it("gives the Rhône manager the Rhône's figures, and nothing of Paris", async () => {
    const figures = await dashboard(n.staff.rhone);
    expect(figures).toMatchObject({
      entityId: null,
      year,
      asOf: today,
      members: { active: 3, byStatus: { pending: 1, active: 2, grace: 1, lapsed: 1, cancelled: 1 } },
      renewals: [
        { year: year - 1, due: 3, renewed: 2, rate: 2 / 3 },
        { year, due: 2, renewed: 1, rate: 0.5 },
      ],
      // COT invoices of the year: 12 000 + 12 000 + (6 000 − 1 000 credited); overdue: 6 000 + 12 000 + 2 000 (FAC).
      dues: { year, currency: 'EUR', invoicedCents: 29_000, collectedCents: 12_000, collectionRate: 12_000 / 29_000, overdueCents: 20_000 },
      events: { upcomingCount: 2, seatsTaken: 4, seatsOffered: 10, fillRate: 0.4 },
      mandates: { endingSoonDays: 90, endingSoon: 1, endingByMonth: endingByMonth(soon, later) },
    });
    expect(figures.events.next.map((event) => [event.title, event.capacity, event.seatsTaken, event.waiting, event.fillRate])).toEqual([
      ['Assemblée générale', 10, 4, 1, 0.4],
      ['Webinaire fiscalité', null, 2, 0, null],
    ]);
    expect(figures.events.next.every((event) => event.entityId === n.ids['69'])).toBe(true);
    // The regional manager above the Rhône sees the same subtree; the branch switcher's entity too.
    expect(await dashboard(n.staff.region)).toMatchObject({ members: figures.members, dues: figures.dues, renewals: figures.renewals });
    expect(await dashboard(n.staff.rhoneViewer, `?entityId=${n.ids['69']}`)).toMatchObject({ entityId: n.ids['69'], members: figures.members, mandates: figures.mandates });
  });

  it("refuses another branch's entity with a 404, as if it did not exist", async () => {
    const response = await n.call(n.staff.rhone, 'GET', `/api/v1/dashboard?entityId=${n.ids['75']}`);
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect((await n.call(n.staff.paris, 'GET', `/api/v1/dashboard?entityId=${n.ids['R84']}`)).statusCode).toBe(404);
  });

  it('adds up the whole network for national staff, and narrows to one branch with entityId', async () => {
    const national = await dashboard(n.staff.national);
    expect(national).toMatchObject({
      members: { active: 5, byStatus: { pending: 1, active: 4, grace: 1, lapsed: 1, cancelled: 1 } },
      renewals: [
        { year: year - 1, due: 3, renewed: 2 },
        { year, due: 4, renewed: 2, rate: 0.5 },
      ],
      dues: { invoicedCents: 45_000, collectedCents: 20_000, overdueCents: 28_000 },
      events: { upcomingCount: 3, seatsTaken: 6, seatsOffered: 14 },
      mandates: { endingSoon: 2, endingByMonth: endingByMonth(soon, later, addDays(today, 10)) },
    });
    expect(national.events.next.map((event) => event.title)).toEqual(['Assemblée générale', 'Petit-déjeuner', 'Webinaire fiscalité']);
    const paris = await dashboard(n.staff.national, `?entityId=${n.ids['75']}`);
    expect(paris).toMatchObject({
      entityId: n.ids['75'],
      members: { active: 2, byStatus: { pending: 0, active: 2, grace: 0, lapsed: 0, cancelled: 0 } },
      renewals: [
        { year: year - 1, due: 0, renewed: 0, rate: null },
        { year, due: 2, renewed: 1, rate: 0.5 },
      ],
      dues: { invoicedCents: 16_000, collectedCents: 8_000, overdueCents: 8_000 },
      events: { upcomingCount: 1, seatsTaken: 2, seatsOffered: 4, fillRate: 0.5 },
      mandates: { endingSoon: 1 },
    });
    expect(await dashboard(n.staff.paris)).toMatchObject({ members: paris.members, dues: paris.dues, events: { upcomingCount: 1 } });
  });

  it('keeps its per-entity totals equal to the live computation as rows are written, deleted and truncated', async () => {
    const expectLive = async () => {
      const scopes = [[n.staff.national, '', null], [n.staff.rhone, '', n.ids['69']!], [n.staff.national, `?entityId=${n.ids['69']}`, n.ids['69']!], [n.staff.paris, '', n.ids['75']!]] as const;
      for (const [who, query, root] of scopes) {
        const figures = await dashboard(who, query);
        const { seats, ...live } = await withOwnerClient(n.database, (client) => liveMembershipFigures(client, root));
        for (const event of figures.events.next) expect({ seatsTaken: event.seatsTaken, waiting: event.waiting }).toEqual(seats.get(event.id));
        expect({ byStatus: figures.members.byStatus, renewals: figures.renewals.map(({ year: y, due, renewed }) => ({ year: y, due, renewed })), dues: { invoicedCents: figures.dues.invoicedCents, collectedCents: figures.dues.collectedCents, overdueCents: figures.dues.overdueCents } }).toEqual(live);
      }
      return dashboard(n.staff.national);
    };
    const seeded = await expectLive();
    await withOwnerClient(n.database, async (client) => {
      const rhone = n.ids['69']!;
      // A renewal invoice paid in full, another partly; a credit note on the join invoice; a status job run.
      await client.query(`UPDATE invoices SET status = 'paid', paid_cents = total_incl_tax_cents - credited_cents WHERE entity_id = $1 AND series = 'COT' AND fiscal_year = $2::int AND status = 'issued' AND total_incl_tax_cents = 12000`, [rhone, year]);
      await client.query(`UPDATE invoices SET status = 'partially_paid', paid_cents = 3000 WHERE entity_id = $1 AND status = 'issued' AND series = 'COT'`, [n.ids['75']]);
      await client.query(`UPDATE invoices SET credited_cents = credited_cents + 500 WHERE entity_id = $1 AND total_incl_tax_cents = 6000`, [rhone]);
      await client.query(`UPDATE memberships SET status = CASE status WHEN 'grace' THEN 'lapsed' WHEN 'pending' THEN 'active' ELSE status END WHERE entity_id = $1`, [rhone]);
      // A paid renewal invoice refunded back to unpaid, then a skipped renewal that becomes issued.
      await client.query(`UPDATE invoices SET status = 'issued', paid_cents = 0 WHERE entity_id = $1 AND fiscal_year = $2::int AND status = 'paid' AND due_date < $3::date`, [rhone, year - 1, today]);
      const { rows } = await client.query<{ id: string }>(`SELECT id FROM invoices WHERE entity_id = $1 AND series = 'FAC'`, [rhone]);
      await client.query(`UPDATE renewal_invoices SET outcome = 'issued', invoice_id = $2, reason = NULL WHERE entity_id = $1 AND outcome = 'skipped'`, [rhone, rows[0]!.id]);
      // The waiting list promoted and the registered checked in, then one attendance cancelled.
      await client.query(
        `UPDATE event_registrations SET status = CASE status WHEN 'waiting' THEN 'registered' WHEN 'registered' THEN 'attended' ELSE status END,
                waiting_position = NULL, checked_in_at = CASE WHEN status = 'registered' THEN now() ELSE checked_in_at END
          WHERE entity_id = $1`,
        [rhone],
      );
      await client.query(`UPDATE event_registrations SET status = 'cancelled', cancelled_at = now(), checked_in_at = NULL WHERE id = (SELECT id FROM event_registrations WHERE entity_id = $1 AND status = 'attended' ORDER BY id LIMIT 1)`, [rhone]);
    });
    const written = await expectLive();
    // Every figure the writes touch has moved (the comparison is not between two unchanged sets).
    for (const path of ['members', 'renewals', 'dues', 'events'] as const) expect(written[path], path).not.toEqual(seeded[path]);
    await withOwnerClient(n.database, async (client) => {
      // Issued invoices cannot be deleted (ADR 0013): renewal rows and memberships can.
      await client.query(`DELETE FROM renewal_invoices WHERE entity_id = $1 OR membership_id IN (SELECT id FROM memberships WHERE entity_id = $2 AND status = 'lapsed')`, [n.ids['75'], n.ids['69']]);
      await client.query(`DELETE FROM memberships WHERE entity_id = $1 AND status = 'lapsed'`, [n.ids['69']]);
      await client.query(`DELETE FROM event_registrations WHERE entity_id = $1`, [n.ids['75']]);
    });
    await expectLive();
    await withOwnerClient(n.database, (client) => client.query('TRUNCATE renewal_invoices, renewal_reminders, memberships, membership_status_changes, invoices, event_registrations CASCADE'));
    await expectLive();
  });

  it('answers problem+json to bad queries and anonymous callers', async () => {
    const malformed = await n.call(n.staff.rhone, 'GET', '/api/v1/dashboard?entityId=69');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.headers['content-type']).toContain('application/problem+json');
    expect((await n.call(n.staff.rhone, 'GET', '/api/v1/dashboard?year=2020')).statusCode).toBe(400);
    expect((await n.t.app.inject({ method: 'GET', url: '/api/v1/dashboard' })).statusCode).toBe(401);
  });
});
