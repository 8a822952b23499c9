import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withOwnerClient, withTransaction } from '../../../platform/db/index.js';
import { createCrmTestNetwork, insertPerson, type CrmTestNetwork } from '../../../test/factories/crm-network.js';
import { generateSiren } from '../identifiers/siren.js';
import { affiliatedOrganizationIds } from '../persons/affiliations.repository.js';
import { setOrganizationLinkStatus } from './organization-link-status.js';
import type { Organization } from './organizations.schema.js';

const SYSTEM_ACTOR = { userId: null, requestId: null, ip: null };

describe('link status set by other modules (membership)', () => {
  let n: CrmTestNetwork;
  let company: Organization;
  beforeAll(async () => {
    n = await createCrmTestNetwork('linkstatus');
    company = (await n.call(n.staff.rhone, 'POST', '/api/v1/organizations', { siren: generateSiren(8801), name: 'Tonnellerie Perrin', address: { postalCode: '69005' } })).json();
  });
  afterAll(() => n?.t.close());

  const linksOf = async () =>
    withOwnerClient(n.database, async (client) =>
      (await client.query<{ entity_id: string; status: string; version: number }>('SELECT entity_id, status, version FROM organization_links WHERE organization_id = $1 ORDER BY entity_id', [company.id])).rows,
    );

  it('updates the status of an existing link once, and creates the link for an entity that did not follow the company', async () => {
    const set = (entityId: string, status: 'member' | 'former_member') =>
      withTransaction(n.database, { kind: 'system' }, (tx) => setOrganizationLinkStatus(tx, { organizationId: company.id, entityId, status, actor: SYSTEM_ACTOR }));
    await set(n.ids['69']!, 'member');
    await set(n.ids['69']!, 'member');
    await set(n.ids['75']!, 'former_member');
    expect(await linksOf()).toEqual(
      expect.arrayContaining([
        { entity_id: n.ids['69'], status: 'member', version: 2 },
        { entity_id: n.ids['75'], status: 'former_member', version: 1 },
      ]),
    );
    const audit = await withOwnerClient(n.database, async (client) =>
      (await client.query<{ action: string }>(`SELECT action FROM audit_events WHERE resource_type = 'organization_link' AND changes::text LIKE $1 ORDER BY occurred_at, id`, [`%${company.id}%`])).rows,
    );
    expect(audit.map((row) => row.action)).toEqual(['crm.organization_link.created', 'crm.organization_link.updated', 'crm.organization_link.created']);
  });

  it('lists the companies a person is affiliated with, within the caller\'s scope', async () => {
    const personId = await insertPerson(n.database, { entityId: n.ids['69']!, lastName: 'Perrin', organizationIds: [company.id] });
    const rhone = { kind: 'entities' as const, entityRoots: [n.ids['69']!], userId: null };
    const paris = { kind: 'entities' as const, entityRoots: [n.ids['75']!], userId: null };
    expect(await withTransaction(n.database, rhone, (tx) => affiliatedOrganizationIds(tx, personId))).toEqual([company.id]);
    expect(await withTransaction(n.database, paris, (tx) => affiliatedOrganizationIds(tx, personId))).toEqual([]);
  });
});
