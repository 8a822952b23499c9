import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCrmTestNetwork, type CrmTestNetwork } from '../../../test/factories/crm-network.js';
import { seedDashboardFigures } from '../../../test/factories/dashboard.js';
import { addDays, parisToday } from '../../membership/index.js';
import type { Dashboard } from './dashboard.schema.js';
import { monthsFrom } from './dashboard-months.js';

const today = parisToday();
const year = Number(today.slice(0, 4));

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

  it('answers problem+json to bad queries and anonymous callers', async () => {
    const malformed = await n.call(n.staff.rhone, 'GET', '/api/v1/dashboard?entityId=69');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.headers['content-type']).toContain('application/problem+json');
    expect((await n.call(n.staff.rhone, 'GET', '/api/v1/dashboard?year=2020')).statusCode).toBe(400);
    expect((await n.t.app.inject({ method: 'GET', url: '/api/v1/dashboard' })).statusCode).toBe(401);
  });
});
