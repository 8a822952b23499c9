import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId, withOwnerClient } from '../../../platform/db/index.js';
import { createCrmTestNetwork, insertPerson, type CrmTestNetwork } from '../../../test/factories/crm-network.js';
import { generateSiren } from '../identifiers/siren.js';
import type { Organization } from '../organizations/organizations.schema.js';
import type { OrganizationDuplicate, PersonDuplicate } from './duplicates.schema.js';

describe('duplicates and merges API', () => {
  let n: CrmTestNetwork;
  const org: Record<string, Organization> = {};
  const person: Record<string, string> = {};

  const createOrganization = async (key: string, siren: number, name: string, postalCode: string) => {
    const response = await n.call(n.staff.national, 'POST', '/api/v1/organizations', { siren: generateSiren(siren), name, address: { postalCode } });
    expect(response.statusCode, response.body).toBe(201);
    org[key] = response.json<Organization>();
  };
  const interaction = async (body: Record<string, unknown>) => {
    const response = await n.call(n.staff.rhone, 'POST', '/api/v1/interactions', { kind: 'call', occurredAt: '2026-02-02T10:00:00Z', ...body });
    expect(response.statusCode, response.body).toBe(201);
  };
  const query = async <T>(sql: string, values: unknown[] = []): Promise<T[]> =>
    withOwnerClient(n.database, async (client) => (await client.query(sql, values)).rows as T[]);
  const pairsOf = (items: Array<PersonDuplicate | OrganizationDuplicate>) =>
    items.map((pair) => [pair.first.id, pair.second.id].sort().join('+'));
  const pair = (a: string, b: string) => [a, b].sort().join('+');

  beforeAll(async () => {
    n = await createCrmTestNetwork('merge');
    await createOrganization('dupont', 5101, 'Boulangerie Dupont', '69002');
    await createOrganization('dupond', 5102, 'Boulangerie Dupond', '69002');
    // Same trade word and postal code, different business: not a duplicate (similarity 0.52).
    await createOrganization('centre', 5107, 'Boulangerie du Centre', '69002');
    await createOrganization('garage', 5103, 'Garage du Marais', '75004');
    await createOrganization('garage2', 5104, 'Garage du Marais SARL', '75004');
    await createOrganization('menuiserie', 5105, 'Menuiserie Lefèvre', '69003');
    await createOrganization('menuiserie2', 5106, 'Menuiserie Lefevre', '69003');
    // Paris also follows the second Menuiserie: merging it is beyond the Rhône admin.
    const link = await n.call(n.staff.paris, 'POST', `/api/v1/organizations/${org.menuiserie2!.id}/links`, { entityId: n.ids['75'], tags: ['bois'] });
    expect(link.statusCode, link.body).toBe(201);

    const rhone = n.ids['69']!;
    person.jean = await insertPerson(n.database, { entityId: rhone, firstName: 'Jean', lastName: 'Dupont', emails: ['jean@dupont.fr'], organizationIds: [org.dupont!.id] });
    person.jean2 = await insertPerson(n.database, { entityId: rhone, firstName: 'Jean', lastName: 'Dupond', emails: ['jd@exemple.fr'], organizationIds: [org.dupont!.id] });
    person.alice = await insertPerson(n.database, { entityId: rhone, firstName: 'Alice', lastName: 'Bernard', emails: ['alice@exemple.fr'], organizationIds: [org.dupond!.id] });
    person.aliceRegion = await insertPerson(n.database, { entityId: n.ids.R84!, firstName: 'Alice', lastName: 'Bernard', emails: ['alice@exemple.fr', 'a.bernard@exemple.fr'] });
    person.alicia = await insertPerson(n.database, { entityId: rhone, firstName: 'Alicia', lastName: 'Bernard', emails: ['a.bernard@exemple.fr'] });
    person.jeanParis = await insertPerson(n.database, { entityId: n.ids['75']!, firstName: 'Jean', lastName: 'Dupont', organizationIds: [org.dupont!.id] });
    await query(`INSERT INTO person_consents (id, entity_id, person_id, channel, status, source) VALUES ($1, $2, $3, 'newsletter', 'granted', 'salon')`, [newId(), rhone, person.jean2]);
    await interaction({ subject: 'Appel à Jean Dupond', personId: person.jean2 });
    await interaction({ subject: 'Appel à la boulangerie Dupond', organizationId: org.dupond!.id });
    await query(`UPDATE organization_links SET status = 'member', tags = '{fournil}' WHERE organization_id = $1`, [org.dupond!.id]);
  });
  afterAll(() => n?.t.close());

  it('lists likely duplicate contacts within the caller\'s reach only', async () => {
    expect((await n.call(n.staff.rhone, 'GET', '/api/v1/duplicates/persons')).statusCode).toBe(403);
    const response = await n.call(n.staff.rhoneAdmin, 'GET', '/api/v1/duplicates/persons');
    expect(response.statusCode, response.body).toBe(200);
    const rhone = response.json().items as PersonDuplicate[];
    expect(pairsOf(rhone)).toEqual([pair(person.jean!, person.jean2!)]);
    expect(rhone[0]!.reasons).toEqual(['similar_name_same_company']);
    const national = (await n.call(n.staff.national, 'GET', '/api/v1/duplicates/persons')).json().items as PersonDuplicate[];
    expect(pairsOf(national)).toEqual(
      expect.arrayContaining([pair(person.jean!, person.jean2!), pair(person.jean!, person.jeanParis!), pair(person.alice!, person.aliceRegion!), pair(person.alicia!, person.aliceRegion!)]),
    );
    expect(national.find((p) => pairsOf([p])[0] === pair(person.alice!, person.aliceRegion!))!.reasons).toEqual(['same_email']);
    expect((await n.call(n.staff.parisAdmin, 'GET', '/api/v1/duplicates/persons')).json().items).toEqual([]);
  });

  it('lists likely duplicate companies among those the caller follows', async () => {
    const rhone = (await n.call(n.staff.rhoneAdmin, 'GET', '/api/v1/duplicates/organizations')).json().items as OrganizationDuplicate[];
    expect(pairsOf(rhone).sort()).toEqual([pair(org.dupont!.id, org.dupond!.id), pair(org.menuiserie!.id, org.menuiserie2!.id)].sort());
    expect(rhone[0]!.reasons).toEqual(['similar_name_same_postal_code']);
    const paris = (await n.call(n.staff.parisAdmin, 'GET', '/api/v1/duplicates/organizations')).json().items as OrganizationDuplicate[];
    expect(pairsOf(paris).sort()).toEqual([pair(org.garage!.id, org.garage2!.id), pair(org.menuiserie!.id, org.menuiserie2!.id)].sort());
  });

  it('merges contacts: every facet moves to the survivor in one transaction, audited with a snapshot', async () => {
    expect((await n.call(n.staff.rhone, 'POST', `/api/v1/persons/${person.jean}/merge`, { duplicateIds: [person.jean2] })).statusCode).toBe(403);
    expect((await n.call(n.staff.parisAdmin, 'POST', `/api/v1/persons/${person.jean}/merge`, { duplicateIds: [person.jean2] })).statusCode).toBe(404);
    const self = await n.call(n.staff.rhoneAdmin, 'POST', `/api/v1/persons/${person.jean}/merge`, { duplicateIds: [person.jean] });
    expect(self.statusCode).toBe(422);
    expect(self.json().errors[0].pointer).toBe('/duplicateIds/0');

    const merged = await n.call(n.staff.rhoneAdmin, 'POST', `/api/v1/persons/${person.jean}/merge`, { duplicateIds: [person.jean2] });
    expect(merged.statusCode, merged.body).toBe(200);
    // Other modules' steps (event registrations…) report their own tables next to the CRM facets.
    expect(merged.json()).toMatchObject({ survivorId: person.jean, mergedIds: [person.jean2], moved: { emails: 1, affiliations: 1, consents: 1, interactions: 1 } });
    expect(await query('SELECT id FROM persons WHERE id = $1', [person.jean2])).toEqual([]);
    expect((await query<{ email: string }>('SELECT email FROM person_emails WHERE person_id = $1 ORDER BY email', [person.jean])).map((r) => r.email)).toEqual([
      'jd@exemple.fr',
      'jean@dupont.fr',
    ]);
    expect(await query('SELECT channel, status FROM person_consents WHERE person_id = $1', [person.jean])).toEqual([{ channel: 'newsletter', status: 'granted' }]);
    const timeline = await n.call(n.staff.rhone, 'GET', `/api/v1/persons/${person.jean}/timeline`);
    expect(timeline.json().items.map((i: { subject: string }) => i.subject)).toEqual(['Appel à Jean Dupond']);
    const [audit] = await query<{ changes: Record<string, { before: unknown; after: unknown }>; actor_user_id: string }>(
      `SELECT changes, actor_user_id FROM audit_events WHERE action = 'crm.person.merged' AND resource_id = $1`,
      [person.jean2],
    );
    expect(audit!.actor_user_id).toBe(n.staff.rhoneAdmin.userId);
    expect(audit!.changes.person!.before).toMatchObject({ id: person.jean2, entity_id: n.ids['69'], legal_basis: 'legitimate_interest' });
    expect(audit!.changes.affiliations!.before).toMatchObject([{ organization_id: org.dupont!.id, role: 'autre' }]);
    expect(audit!.changes.consents!.before).toMatchObject([{ channel: 'newsletter', status: 'granted', source: 'salon' }]);
    expect(audit!.changes.emailIds!.before).toHaveLength(1);
    // Names and addresses are recorded as changed, never kept (ADR 0009): erasure never has to edit the trail.
    expect(audit!.changes.personalData).toEqual({ before: '[masked]', after: null });
    expect(JSON.stringify(audit!.changes)).not.toContain('Dupond');
    expect(audit!.changes.mergedInto).toEqual({ before: null, after: person.jean });
  });

  it('leaves everything unchanged when a merge fails half-way (an address taken by a third contact)', async () => {
    const before = await query('SELECT person_id, email, entity_id FROM person_emails ORDER BY email');
    const affiliationsBefore = await query('SELECT id, person_id, entity_id FROM affiliations ORDER BY id');
    // Alice (region) holds alice@… which Alice of the Rhône already has; a.bernard@… is the survivor's own.
    const response = await n.call(n.staff.national, 'POST', `/api/v1/persons/${person.alicia}/merge`, { duplicateIds: [person.aliceRegion] });
    expect(response.statusCode, response.body).toBe(409);
    expect(response.json().code).toBe('merge_email_conflict');
    expect(await query('SELECT person_id, email, entity_id FROM person_emails ORDER BY email')).toEqual(before);
    expect(await query('SELECT id, person_id, entity_id FROM affiliations ORDER BY id')).toEqual(affiliationsBefore);
    expect(await query('SELECT id FROM persons WHERE id = $1', [person.aliceRegion])).toHaveLength(1);
    expect(await query(`SELECT 1 FROM audit_events WHERE action = 'crm.person.merged' AND resource_id = $1`, [person.aliceRegion])).toEqual([]);
    // The Rhône admin does not even see the region's contact.
    expect((await n.call(n.staff.rhoneAdmin, 'POST', `/api/v1/persons/${person.alicia}/merge`, { duplicateIds: [person.aliceRegion] })).statusCode).toBe(404);
  });

  it('merges companies: links folded per entity, affiliations and interactions moved, snapshot audited', async () => {
    const response = await n.call(n.staff.rhoneAdmin, 'POST', `/api/v1/organizations/${org.dupont!.id}/merge`, { duplicateIds: [org.dupond!.id] });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().moved).toMatchObject({ links: 1, affiliations: 1, interactions: 1 });
    expect((await n.call(n.staff.national, 'GET', `/api/v1/organizations/${org.dupond!.id}`)).statusCode).toBe(404);
    const survivor = (await n.call(n.staff.rhone, 'GET', `/api/v1/organizations/${org.dupont!.id}`)).json<Organization>();
    expect(survivor.links).toMatchObject([{ entityId: n.ids['69'], status: 'member', tags: ['fournil'] }]);
    expect(survivor.version).toBe(org.dupont!.version + 1);
    const timeline = await n.call(n.staff.rhone, 'GET', `/api/v1/organizations/${org.dupont!.id}/timeline`);
    expect(timeline.json().items.map((i: { subject: string }) => i.subject)).toEqual(['Appel à la boulangerie Dupond']);
    expect(await query('SELECT person_id FROM affiliations WHERE organization_id = $1 ORDER BY person_id', [org.dupont!.id])).toHaveLength(4);
    const [audit] = await query<{ changes: Record<string, { before: unknown }>; entity_id: string | null }>(
      `SELECT changes, entity_id FROM audit_events WHERE action = 'crm.organization.merged' AND resource_id = $1`,
      [org.dupond!.id],
    );
    expect(audit!.entity_id).toBeNull();
    expect(audit!.changes.organization!.before).toMatchObject({ name: 'Boulangerie Dupond', siren: generateSiren(5102) });
    expect(audit!.changes.links!.before).toMatchObject([{ entity_id: n.ids['69'], status: 'member' }]);
  });

  it('needs a national admin to merge companies followed by other branches', async () => {
    const url = `/api/v1/organizations/${org.menuiserie!.id}/merge`;
    const refused = await n.call(n.staff.rhoneAdmin, 'POST', url, { duplicateIds: [org.menuiserie2!.id] });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('merge_outside_scope');
    expect((await n.call(n.staff.parisAdmin, 'POST', url, { duplicateIds: [org.menuiserie2!.id] })).json().code).toBe('organization_not_linked');
    expect((await n.call(n.staff.national, 'POST', url, { duplicateIds: ['01900000-0000-7000-8000-000000000000'] })).statusCode).toBe(404);
    const merged = await n.call(n.staff.national, 'POST', url, { duplicateIds: [org.menuiserie2!.id] });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(merged.json().moved).toMatchObject({ links: 2, affiliations: 0, interactions: 0 });
    const paris = (await n.call(n.staff.paris, 'GET', `/api/v1/organizations/${org.menuiserie!.id}`)).json<Organization>();
    expect(paris.links).toMatchObject([{ entityId: n.ids['75'], tags: ['bois'] }]);
  });
});
