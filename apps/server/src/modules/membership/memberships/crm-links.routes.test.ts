import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId, withOwnerClient } from '../../../platform/db/index.js';
import { createCrmTestNetwork, insertPerson, type CrmTestNetwork } from '../../../test/factories/crm-network.js';
import { insertCompany } from '../../../test/factories/membership.js';
import type { Campaign } from '../campaigns/campaigns.schema.js';
import { addDays, parisToday, yearOf } from './calendar-dates.js';
import { runDailyStatus } from './membership-status.jobs.js';
import type { MembershipDetail, MembershipType } from './memberships.schema.js';
import { seedMembershipsDemo } from './seed-memberships-demo.js';

/**
 * What memberships write to and read from the CRM: the entity's link status with the company, a
 * contact's memberships through its companies, and the demo seed's legal identity (the network here
 * starts without one, like the demo database).
 */
describe('memberships and the CRM', () => {
  const Y = yearOf(parisToday());
  let n: CrmTestNetwork;
  let rhone: string;
  let types: MembershipType[];

  const linkStatus = async (organizationId: string, entityId = rhone) =>
    withOwnerClient(n.database, async (client) => {
      const { rows } = await client.query<{ status: string }>('SELECT status FROM organization_links WHERE organization_id = $1 AND entity_id = $2', [organizationId, entityId]);
      return rows[0]?.status ?? null;
    });
  const typeId = (code: string) => types.find((type) => type.code === code)!.id;
  const join = async (body: Record<string, unknown>): Promise<MembershipDetail> => {
    const response = await n.call(n.staff.rhone, 'POST', '/api/v1/memberships', { entityId: rhone, startedOn: `${Y}-03-15`, ...body });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<MembershipDetail>();
  };

  beforeAll(async () => {
    n = await createCrmTestNetwork('membership-crm');
    rhone = n.ids['69']!;
    // The demo seed: member types, dues schedules and the unions' legal identity.
    await seedMembershipsDemo(n.database);
    types = (await n.call(n.staff.rhone, 'GET', `/api/v1/membership/types?entityId=${rhone}`)).json<{ items: MembershipType[] }>().items;
  });
  afterAll(() => n.t.close());

  it('gives the demo unions a legal identity once, so that a renewal campaign on demo data issues invoices', async () => {
    const identities = await withOwnerClient(n.database, async (client) =>
      (await client.query<{ code: string; siren: string; city: string }>(`SELECT code, siren, city FROM entities WHERE code IN ('69', '75') ORDER BY code`)).rows,
    );
    expect(identities).toEqual([
      { code: '69', siren: '775663438', city: 'Lyon' },
      { code: '75', siren: '784824153', city: 'Paris' },
    ]);
    // A recorded identity is kept.
    await withOwnerClient(n.database, (client) => client.query(`UPDATE entities SET siren = '552100554' WHERE code = '75'`));
    await seedMembershipsDemo(n.database);
    expect(await withOwnerClient(n.database, async (client) => (await client.query<{ siren: string }>(`SELECT siren FROM entities WHERE code = '75'`)).rows[0]!.siren)).toBe('552100554');

    // The first demo member is honorary (free, skipped), the second pays.
    for (const name of ['Démo Tonnellerie Rhône', 'Démo Verrerie Rhône']) {
      const member = await insertCompany(n.database, name);
      await withOwnerClient(n.database, (client) =>
        client.query(`INSERT INTO organization_links (id, organization_id, entity_id, attached_by, status) VALUES ($1, $2, $3, 'manual', 'member')`, [newId(), member, rhone]),
      );
    }
    expect(await seedMembershipsDemo(n.database)).toEqual({ memberships: 2 });
    const launched = await n.call(n.staff.rhone, 'POST', '/api/v1/membership/campaigns', { entityId: rhone, year: Y + 1, issueDate: parisToday(), dueDate: `${Y + 1}-01-31` });
    expect(launched.statusCode, launched.body).toBe(202);
    let campaign = launched.json<Campaign>();
    for (let attempt = 0; attempt < 300 && campaign.status !== 'completed'; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      campaign = (await n.call(n.staff.rhone, 'GET', `/api/v1/membership/campaigns/${campaign.id}`)).json<Campaign>();
    }
    expect(campaign).toMatchObject({ status: 'completed', counts: { total: 2, issued: 1, skipped: 1, failed: 0 } });
  });

  it('marks the company a member when its membership becomes active and a former member when it lapses (daily job)', async () => {
    const organizationId = await insertCompany(n.database, 'Menuiserie de la Croix-Rousse');
    const joined = await join({ organizationId, typeId: typeId('standard'), joinInvoice: { dueDate: `${Y}-04-15` } });
    expect(joined.status).toBe('pending');
    expect(await linkStatus(organizationId)).toBeNull();
    const invoice = (await n.call(n.staff.rhone, 'GET', `/api/v1/invoices/${joined.joinInvoiceId}`)).json<{ id: string; totalInclTaxCents: number }>();
    const paid = await n.call(n.staff.rhone, 'POST', `/api/v1/invoices/${invoice.id}/payments`, { method: 'cheque', amountCents: invoice.totalInclTaxCents, paidOn: `${Y}-04-02` });
    expect(paid.statusCode, paid.body).toBe(201);
    await runDailyStatus(n.database, `${Y}-04-03`);
    expect(await linkStatus(organizationId)).toBe('member');
    await runDailyStatus(n.database, `${Y + 1}-01-01`);
    expect(await linkStatus(organizationId)).toBe('member'); // grace keeps it a member
    await runDailyStatus(n.database, addDays(`${Y + 1}-01-01`, 60));
    expect(await linkStatus(organizationId)).toBe('former_member');
    // Audited as the system.
    const audit = await withOwnerClient(n.database, async (client) =>
      (await client.query<{ action: string }>(`SELECT action FROM audit_events WHERE resource_type = 'organization_link' AND entity_id = $1 AND changes::text LIKE '%' || $2 || '%' ORDER BY occurred_at, chain_position`, [rhone, organizationId])).rows,
    );
    expect(audit.map((row) => row.action)).toEqual(['crm.organization_link.created', 'crm.organization_link.updated']);
  });

  it('marks a free member at once, and a former member when staff cancel, in the same transaction', async () => {
    const organizationId = await insertCompany(n.database, 'Association des Pentes');
    const joined = await join({ organizationId, typeId: typeId('honoraire') });
    expect(joined.status).toBe('active');
    expect(await linkStatus(organizationId)).toBe('member');
    const cancelled = await n.call(n.staff.rhone, 'POST', `/api/v1/memberships/${joined.id}/cancel`, { reason: 'Dissolution' });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(await linkStatus(organizationId)).toBe('former_member');
    // A refused cancellation (already closed) changes nothing.
    await withOwnerClient(n.database, (client) => client.query(`UPDATE organization_links SET status = 'prospect' WHERE organization_id = $1`, [organizationId]));
    expect((await n.call(n.staff.rhone, 'POST', `/api/v1/memberships/${joined.id}/cancel`, { reason: 'encore' })).statusCode).toBe(409);
    expect(await linkStatus(organizationId)).toBe('prospect');
  });

  it("lists a contact's live memberships through its companies; a contact out of scope answers 404", async () => {
    const organizationId = await insertCompany(n.database, 'Soierie de Saint-Georges');
    const other = await insertCompany(n.database, 'Sans adhésion SARL');
    const joined = await join({ organizationId, typeId: typeId('honoraire') });
    const person = await insertPerson(n.database, { entityId: rhone, lastName: 'Gadagne', firstName: 'Lucie', organizationIds: [organizationId, other] });
    const response = await n.call(n.staff.rhone, 'GET', `/api/v1/persons/${person}/memberships`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      items: [
        { id: joined.id, organizationId, entityId: rhone, entityName: 'Union territoriale du Rhône', typeCode: 'honoraire', typeLabel: 'Membre honoraire', status: 'active', currentPeriodStart: `${Y}-03-15`, currentPeriodEnd: `${Y}-12-31` },
      ],
    });
    expect((await n.call(n.staff.rhoneViewer, 'GET', `/api/v1/persons/${person}/memberships`)).statusCode).toBe(200);
    // Paris neither sees the Rhône contact nor learns it exists.
    const paris = await n.call(n.staff.paris, 'GET', `/api/v1/persons/${person}/memberships`);
    expect(paris.statusCode).toBe(404);
    expect((await n.call(n.staff.rhone, 'GET', `/api/v1/persons/${newId()}/memberships`)).statusCode).toBe(404);
    expect((await n.call(n.staff.rhone, 'GET', '/api/v1/persons/not-an-id/memberships')).statusCode).toBe(400);
    // A Paris contact of the same company sees no Rhône membership.
    const parisPerson = await insertPerson(n.database, { entityId: n.ids['75']!, lastName: 'Vivienne', organizationIds: [organizationId] });
    expect((await n.call(n.staff.paris, 'GET', `/api/v1/persons/${parisPerson}/memberships`)).json()).toEqual({ items: [] });
  });
});
