import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId, withOwnerClient, withTransaction } from '../../../platform/db/index.js';
import type { SignedIn } from '../../../test/auth.js';
import type { CrmTestNetwork } from '../../../test/factories/crm-network.js';
import { createInvoicingTestNetwork, insertCompany } from '../../../test/factories/membership.js';
import type { DuesSchedule } from '../dues/dues.schema.js';
import { addDays, parisToday, yearOf } from './calendar-dates.js';
import { runDailyStatus } from './membership-status.jobs.js';
import { seedMembershipsDemo } from './seed-memberships-demo.js';
import { activeMembershipsOf } from '../index.js';
import type { MembershipDetail, MembershipType } from './memberships.schema.js';

describe('memberships and dues API', () => {
  // Dates relative to the current year: the join and free-type steps settle against today.
  const Y = yearOf(parisToday());
  let n: CrmTestNetwork;
  let rhone: string;
  let standard: MembershipType;
  let honorary: MembershipType;
  let schedule: DuesSchedule;

  const company = async (name: string, band: string | null = '11') => {
    const id = await insertCompany(n.database, name);
    await withOwnerClient(n.database, (client) => client.query('UPDATE organizations SET headcount_band = $2 WHERE id = $1', [id, band]));
    return id;
  };
  const join = async (body: Record<string, unknown>, who = n.staff.rhone): Promise<MembershipDetail> => {
    const response = await n.call(who, 'POST', '/api/v1/memberships', { entityId: rhone, typeId: standard.id, startedOn: `${Y}-03-15`, ...body });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<MembershipDetail>();
  };
  const put = (who: SignedIn, url: string, payload: unknown, headers: Record<string, string> = {}) => n.call(who, 'PUT', url, payload, headers);
  const read = async (id: string): Promise<MembershipDetail> => (await n.call(n.staff.rhone, 'GET', `/api/v1/memberships/${id}`)).json<MembershipDetail>();

  beforeAll(async () => {
    n = await createInvoicingTestNetwork('memberships');
    rhone = n.ids['69']!;
    const type = async (code: string, label: string, free = false) => {
      const response = await n.call(n.staff.rhone, 'POST', '/api/v1/membership/types', { entityId: rhone, code, label, free });
      expect(response.statusCode, response.body).toBe(201);
      return response.json<MembershipType>();
    };
    standard = await type('standard', 'Adhérent');
    honorary = await type('honoraire', 'Membre honoraire', true);
    const created = await n.call(n.staff.rhone, 'POST', '/api/v1/membership/dues-schedules', {
      entityId: rhone,
      year: Y,
      proRata: true,
      rates: [
        { amountCents: 30_000 },
        { headcountBand: '11', amountCents: 48_000 },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    schedule = created.json<DuesSchedule>();
  });
  afterAll(() => n.t.close());

  it('validates dues schedules with French messages and pointers: negative amounts, overlaps, unknown bands, a second schedule for the year', async () => {
    const response = await n.call(n.staff.rhone, 'POST', '/api/v1/membership/dues-schedules', {
      entityId: rhone,
      year: Y,
      rates: [
        { headcountBand: '11', amountCents: -5 },
        { headcountBand: '11', typeId: null, amountCents: 100 },
        { headcountBand: '99', amountCents: 100 },
        { typeId: n.ids['75'], amountCents: 100 },
      ],
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors).toEqual([
      { pointer: '/year', message: `Un barème existe déjà pour ${Y} dans cette structure : modifiez-le plutôt que d'en créer un second.` },
      { pointer: '/rates/0/amountCents', message: 'Le montant de la cotisation ne peut pas être négatif.' },
      { pointer: '/rates/1', message: "Ce tarif recoupe le tarif n° 1 : même tranche d'effectif et même type de membre." },
      { pointer: '/rates/2/headcountBand', message: "« 99 » n'est pas une tranche d'effectif INSEE (00, 01, 02, 03, 11 … 53)." },
      { pointer: '/rates/3/typeId', message: "Ce type de membre n'existe pas pour cette structure." },
    ]);
  });

  it('replaces a schedule with If-Match and deletes one', async () => {
    const created = await n.call(n.staff.rhone, 'POST', '/api/v1/membership/dues-schedules', { entityId: rhone, year: Y + 4, rates: [{ amountCents: 1_000 }] });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json<DuesSchedule>().id;
    expect((await put(n.staff.rhone, `/api/v1/membership/dues-schedules/${id}`, { proRata: true, rates: [{ amountCents: 2_000 }] })).statusCode).toBe(428);
    const replaced = await put(n.staff.rhone, `/api/v1/membership/dues-schedules/${id}`, { proRata: true, rates: [{ amountCents: 2_000 }, { typeId: standard.id, amountCents: 2_500 }] }, { 'if-match': '"1"' });
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect(replaced.json<DuesSchedule>()).toMatchObject({ proRata: true, version: 2, rates: [{ amountCents: 2_000 }, { typeId: standard.id, amountCents: 2_500 }] });
    expect((await put(n.staff.rhone, `/api/v1/membership/dues-schedules/${id}`, { proRata: false, rates: [{ amountCents: 1 }] }, { 'if-match': '"1"' })).statusCode).toBe(412);
    expect((await n.call(n.staff.rhone, 'DELETE', `/api/v1/membership/dues-schedules/${id}`)).statusCode).toBe(204);
    expect((await n.call(n.staff.rhone, 'GET', `/api/v1/membership/dues-schedules/${id}`)).statusCode).toBe(404);
  });

  it('joins with a pro rata join invoice, becomes active when it is paid, and the daily job is idempotent', async () => {
    const organizationId = await company('Imprimerie des Terreaux');
    const joined = await join({ organizationId, joinInvoice: { dueDate: `${Y}-04-15` }, billingEmail: 'compta@terreaux.test' });
    expect(joined).toMatchObject({ status: 'pending', currentPeriodStart: `${Y}-03-15`, currentPeriodEnd: `${Y}-12-31`, periodKind: 'calendar', tacitRenewal: true });
    const invoice = (await n.call(n.staff.rhone, 'GET', `/api/v1/invoices/${joined.joinInvoiceId}`)).json();
    expect(invoice).toMatchObject({ status: 'issued', totalInclTaxCents: 40_000, organizationId, lines: [{ label: `Cotisation ${Y} — Adhérent (10/12 mois, adhésion au ${Y}-03-15)` }] });

    expect(await runDailyStatus(n.database, `${Y}-04-01`)).toMatchObject({ changed: 0 });
    const paid = await n.call(n.staff.rhone, 'POST', `/api/v1/invoices/${invoice.id}/payments`, { method: 'transfer', amountCents: 40_000, paidOn: `${Y}-04-02` });
    expect(paid.statusCode, paid.body).toBe(201);
    expect((await runDailyStatus(n.database, `${Y}-04-03`)).changed).toBeGreaterThanOrEqual(1);
    expect(await read(joined.id)).toMatchObject({ status: 'active' });
    const again = await runDailyStatus(n.database, `${Y}-04-03`);
    expect(again.changed).toBe(0);
    const history = (await read(joined.id)).history;
    expect(history.map((change) => [change.fromStatus, change.toStatus])).toEqual([
      [null, 'pending'],
      ['pending', 'active'],
    ]);

    // The period ends unpaid: grace on the next period, then lapsed after 60 days.
    await runDailyStatus(n.database, `${Y + 1}-01-01`);
    expect(await read(joined.id)).toMatchObject({ status: 'grace', currentPeriodStart: `${Y + 1}-01-01`, currentPeriodEnd: `${Y + 1}-12-31` });
    await runDailyStatus(n.database, addDays(`${Y + 1}-01-01`, 59));
    expect((await read(joined.id)).status).toBe('grace');
    await runDailyStatus(n.database, addDays(`${Y + 1}-01-01`, 60));
    expect((await read(joined.id)).status).toBe('lapsed');

    // Every change is on the company's CRM timeline.
    const timeline = await n.call(n.staff.rhone, 'GET', `/api/v1/organizations/${organizationId}/timeline`);
    expect(timeline.statusCode, timeline.body).toBe(200);
    const subjects = timeline.json<{ items: Array<{ kind: string; subject: string }> }>().items.filter((item) => item.kind === 'membership_change').map((item) => item.subject);
    expect(subjects).toEqual(expect.arrayContaining(['Adhésion en attente de règlement', 'Adhésion active', 'Adhésion en délai de grâce', 'Adhésion échue']));
  });

  it('a free type is active at once; a company has one live membership per entity; cancel is final', async () => {
    const organizationId = await company('Fondation Part-Dieu', null);
    const joined = await join({ organizationId, typeId: honorary.id, joinInvoice: { dueDate: `${Y}-04-15` } });
    expect(joined).toMatchObject({ status: 'active', joinInvoiceId: null });
    const duplicate = await n.call(n.staff.rhone, 'POST', '/api/v1/memberships', { organizationId, entityId: rhone, typeId: standard.id, startedOn: `${Y}-05-01` });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json()).toMatchObject({ code: 'membership_already_live' });
    const list = await n.call(n.staff.rhone, 'GET', `/api/v1/memberships?filter[organizationId]=${organizationId}`);
    expect(list.json<{ items: unknown[] }>().items).toHaveLength(1);
    expect(list.json().items[0]).toMatchObject({ organizationId, organizationName: 'Fondation Part-Dieu' });
    // What other modules (the AI member_status tool) read, under the caller's scope.
    const scoped = (entityId: string) => withTransaction(n.database, { kind: 'entities', entityRoots: [entityId], userId: null }, (tx) => activeMembershipsOf(tx, [organizationId]));
    expect(await scoped(rhone)).toEqual([
      { id: joined.id, organizationId, entityId: rhone, entityName: 'Union territoriale du Rhône', typeCode: 'honoraire', typeLabel: 'Membre honoraire', status: 'active', currentPeriodStart: `${Y}-03-15`, currentPeriodEnd: `${Y}-12-31` },
    ]);
    expect(await scoped(n.ids['75']!)).toEqual([]);
    const cancelled = await n.call(n.staff.rhone, 'POST', `/api/v1/memberships/${joined.id}/cancel`, { reason: 'Cessation d’activité', cancelledOn: `${Y}-06-30` });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json<MembershipDetail>()).toMatchObject({ status: 'cancelled', cancelledOn: `${Y}-06-30`, cancellationReason: 'Cessation d’activité' });
    expect((await n.call(n.staff.rhone, 'POST', `/api/v1/memberships/${joined.id}/cancel`, { reason: 'encore' })).statusCode).toBe(409);
  });

  it('refuses a join without a matching schedule, with a pointer', async () => {
    const organizationId = await company('Garage Vaise');
    const response = await n.call(n.staff.rhone, 'POST', '/api/v1/memberships', { organizationId, entityId: rhone, typeId: standard.id, startedOn: `${Y + 3}-02-01`, joinInvoice: { dueDate: `${Y + 3}-03-01` } });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors).toEqual([{ pointer: '/joinInvoice', message: `Aucun barème de cotisation ${Y + 3} n'est défini pour cette structure.` }]);
  });

  it('follows the survivor when the CRM merges duplicate companies, cancelling a second live membership', async () => {
    const duplicate = await company('Librairie Ainay (doublon)');
    const survivor = await company('Librairie Ainay');
    await withOwnerClient(n.database, async (client) => {
      for (const organizationId of [duplicate, survivor]) {
        await client.query(`INSERT INTO organization_links (id, organization_id, entity_id, attached_by) VALUES ($1, $2, $3, 'manual')`, [newId(), organizationId, rhone]);
      }
    });
    const kept = await join({ organizationId: survivor, typeId: honorary.id });
    const doubled = await join({ organizationId: duplicate, typeId: honorary.id });
    const merge = await n.call(n.staff.rhoneAdmin, 'POST', `/api/v1/organizations/${survivor}/merge`, { duplicateIds: [duplicate] });
    expect(merge.statusCode, merge.body).toBe(200);
    expect(merge.json()).toMatchObject({ moved: { memberships: 1 } });
    expect(await read(kept.id)).toMatchObject({ organizationId: survivor, status: 'active' });
    const moved = await read(doubled.id);
    expect(moved).toMatchObject({ organizationId: survivor, status: 'cancelled', cancellationReason: 'Fusion de fiches en double' });
    expect(moved.history.at(-1)).toMatchObject({ fromStatus: 'active', toStatus: 'cancelled' });
  });

  it('seeds demo memberships for companies the CRM marks as members, idempotently', async () => {
    const member = await company('Démo membre Rhône');
    await withOwnerClient(n.database, (client) =>
      client.query(`INSERT INTO organization_links (id, organization_id, entity_id, attached_by, status) VALUES ($1, $2, $3, 'manual', 'member')`, [newId(), member, rhone]),
    );
    expect(await seedMembershipsDemo(n.database)).toEqual({ memberships: 1 });
    expect(await seedMembershipsDemo(n.database)).toEqual({ memberships: 0 });
    const list = (await n.call(n.staff.rhone, 'GET', `/api/v1/memberships?filter[organizationId]=${member}`)).json<{ items: Array<{ status: string }> }>();
    expect(list.items).toMatchObject([{ status: 'active' }]);
    const schedules = (await n.call(n.staff.paris, 'GET', '/api/v1/membership/dues-schedules')).json<{ items: DuesSchedule[] }>().items;
    expect(schedules.map((schedule) => schedule.rates.length)).toEqual([8, 8]);
  });

  it('isolates branches on every endpoint: Paris neither sees nor changes Rhône memberships, types or schedules', async () => {
    const organizationId = await company('Brasserie Saint-Jean');
    const joined = await join({ organizationId });
    const paris = n.staff.paris;
    expect((await n.call(paris, 'GET', `/api/v1/memberships/${joined.id}`)).statusCode).toBe(404);
    expect((await n.call(paris, 'GET', `/api/v1/memberships?filter[organizationId]=${organizationId}`)).json<{ items: unknown[] }>().items).toEqual([]);
    expect((await n.call(paris, 'POST', `/api/v1/memberships/${joined.id}/cancel`, { reason: 'x' })).statusCode).toBe(404);
    const foreignJoin = await n.call(paris, 'POST', '/api/v1/memberships', { organizationId, entityId: rhone, typeId: standard.id, startedOn: `${Y}-05-01` });
    expect(foreignJoin.statusCode).toBe(422);
    expect(foreignJoin.json().errors[0].pointer).toBe('/entityId');
    // A Paris membership cannot use a Rhône member type.
    const foreignType = await n.call(paris, 'POST', '/api/v1/memberships', { organizationId, entityId: n.ids['75'], typeId: standard.id, startedOn: `${Y}-05-01` });
    expect(foreignType.statusCode).toBe(422);
    expect(foreignType.json().errors).toEqual([{ pointer: '/typeId', message: "Ce type de membre n'existe pas pour cette structure." }]);
    expect((await n.call(paris, 'GET', '/api/v1/membership/types')).json<{ items: MembershipType[] }>().items.filter((type) => type.entityId !== n.ids['75'])).toEqual([]);
    expect((await n.call(paris, 'POST', '/api/v1/membership/types', { entityId: rhone, code: 'pirate', label: 'x' })).statusCode).toBe(422);
    expect((await n.call(paris, 'GET', '/api/v1/membership/dues-schedules')).json<{ items: DuesSchedule[] }>().items.filter((item) => item.entityId !== n.ids['75'])).toEqual([]);
    expect((await n.call(paris, 'GET', `/api/v1/membership/dues-schedules/${schedule.id}`)).statusCode).toBe(404);
    expect((await put(paris, `/api/v1/membership/dues-schedules/${schedule.id}`, { proRata: false, rates: [{ amountCents: 1 }] }, { 'if-match': '*' })).statusCode).toBe(404);
    expect((await n.call(paris, 'DELETE', `/api/v1/membership/dues-schedules/${schedule.id}`)).statusCode).toBe(404);
    expect((await n.call(paris, 'POST', '/api/v1/membership/dues-schedules', { entityId: rhone, year: Y + 5, rates: [{ amountCents: 1 }] })).statusCode).toBe(422);
    // The region above the Rhône sees it; a viewer reads but cannot write.
    expect((await n.call(n.staff.region, 'GET', `/api/v1/memberships/${joined.id}`)).statusCode).toBe(200);
    expect((await n.call(n.staff.rhoneViewer, 'GET', `/api/v1/memberships/${joined.id}`)).statusCode).toBe(200);
    expect((await n.call(n.staff.rhoneViewer, 'POST', `/api/v1/memberships/${joined.id}/cancel`, { reason: 'x' })).statusCode).toBe(403);
  });
  it('pages the memberships list like every collection: keyset cursor, filters, exact count', async () => {
    for (const name of ['Page A', 'Page B', 'Page C']) await join({ organizationId: await company(name) });
    const url = `/api/v1/memberships?filter[entityId]=${rhone}&filter[status][in]=pending,active&limit=2&count=exact`;
    const first = await n.call(n.staff.rhoneViewer, 'GET', url);
    expect(first.statusCode, first.body).toBe(200);
    const page = first.json<{ items: Array<{ id: string; entityId: string }>; nextCursor: string | null; count: number }>();
    expect(page.items).toHaveLength(2);
    expect(page.count).toBeGreaterThanOrEqual(3);
    const seen = page.items.map((item) => item.id);
    let cursor = page.nextCursor;
    while (cursor) {
      const next = (await n.call(n.staff.rhoneViewer, 'GET', `${url}&cursor=${encodeURIComponent(cursor)}`)).json<{ items: Array<{ id: string }>; nextCursor: string | null }>();
      seen.push(...next.items.map((item) => item.id));
      cursor = next.nextCursor;
    }
    expect(new Set(seen).size).toBe(page.count);
    expect((await n.call(n.staff.rhone, 'GET', '/api/v1/memberships?organizationId=x')).statusCode).toBe(400);
  });
});
