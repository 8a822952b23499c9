import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withOwnerClient } from '../../../platform/db/index.js';
import type { SignedIn } from '../../../test/auth.js';
import { createCrmTestNetwork, type CrmTestNetwork } from '../../../test/factories/crm-network.js';
import type { TestApp } from '../../../test/test-app.js';
import { generateSiren } from '../identifiers/siren.js';
import type { Affiliation, OrganizationContact, Person } from './persons.schema.js';

describe('persons API', () => {
  let n: CrmTestNetwork;
  let t: TestApp;
  let ids: Record<string, string>;
  let national: SignedIn;
  let rhone: SignedIn;
  let paris: SignedIn;
  let region: SignedIn; // manager of Auvergne-Rhône-Alpes, ancestor of the Rhône
  let viewer: SignedIn; // viewer of the Rhône: no sensitive fields

  beforeAll(async () => {
    n = await createCrmTestNetwork('persons');
    ({ t, ids } = n);
    ({ national, rhone, paris, region, rhoneViewer: viewer } = n.staff);
  });
  afterAll(() => t.close());

  const call: CrmTestNetwork['call'] = (...args) => n.call(...args);
  const create = async (who: SignedIn, body: Record<string, unknown>): Promise<Person> => {
    const response = await call(who, 'POST', '/api/v1/persons', body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json<Person>();
  };

  let dupont: Person; // Rhône, created by the Rhône manager

  it('requires authentication, and the write permission to create', async () => {
    expect((await t.app.inject('/api/v1/persons')).statusCode).toBe(401);
    expect((await call(viewer, 'POST', '/api/v1/persons', { lastName: 'Lecteur' })).statusCode).toBe(403);
  });

  it('refuses invalid values with a pointer and a French message each', async () => {
    const response = await call(rhone, 'POST', '/api/v1/persons', {
      lastName: '  ',
      civility: 'Docteur',
      phone: '01 23',
      personalPhone: 'pas un numéro',
      emails: ['jean@exemple.fr', 'sans-arobase.fr', 'JEAN@exemple.fr'],
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().errors).toEqual([
      { pointer: '/civility', message: expect.stringContaining("n'est pas reconnue") },
      { pointer: '/lastName', message: 'Le nom est obligatoire.' },
      { pointer: '/phone', message: expect.stringContaining("n'est pas un numéro de téléphone valide") },
      { pointer: '/personalPhone', message: expect.stringContaining("n'est pas un numéro de téléphone") },
      { pointer: '/emails/1', message: expect.stringContaining('il manque le @') },
      { pointer: '/emails/2', message: expect.stringContaining('figure deux fois') },
    ]);
    const elsewhere = await call(rhone, 'POST', '/api/v1/persons', { entityId: ids['75'], lastName: 'Intrus' });
    expect(elsewhere.statusCode).toBe(422);
    expect(elsewhere.json().errors).toEqual([{ pointer: '/entityId', message: expect.stringContaining('cette structure') }]);
  });

  it('creates a contact in the caller\'s entity, normalising civility, phones (E.164) and addresses', async () => {
    dupont = await create(rhone, {
      civility: 'Madame',
      firstName: 'Hélène',
      lastName: 'Dupont',
      jobTitle: 'Directrice',
      phone: '04 78 12 34 56',
      personalPhone: '06 12 34 56 78',
      sensitiveNote: 'Ne pas appeler le lundi (raison médicale)',
      emails: [' Helene.Dupont@Example.FR ', 'h.dupont@perso.fr'],
    });
    expect(dupont).toMatchObject({
      entityId: ids['69'],
      civility: 'MME',
      phone: '+33478123456',
      personalPhone: '+33612345678',
      sensitiveNote: 'Ne pas appeler le lundi (raison médicale)',
      emails: [
        { email: 'helene.dupont@example.fr', isPrimary: true },
        { email: 'h.dupont@perso.fr', isPrimary: false },
      ],
      legalBasis: 'legitimate_interest',
      anonymizedAt: null,
      version: 1,
    });
    const overseas = await create(national, { entityId: ids['75'], lastName: 'Payet', phone: '0690 12 34 56' });
    expect(overseas.phone).toBe('+590690123456');
  });

  it('stores the personal phone and the sensitive note encrypted', async () => {
    const row = await withOwnerClient(t.testDatabase.database, async (client) => {
      const { rows } = await client.query<{ personal_phone_encrypted: string; sensitive_note_encrypted: string }>(
        'SELECT personal_phone_encrypted, sensitive_note_encrypted FROM persons WHERE id = $1',
        [dupont.id],
      );
      return rows[0]!;
    });
    for (const value of [row.personal_phone_encrypted, row.sensitive_note_encrypted]) {
      expect(value).toMatch(/^[A-Za-z0-9_-]+:[A-Za-z0-9+/=]+$/);
      expect(value).not.toContain('612345678');
      expect(value).not.toContain('lundi');
    }
  });

  it('shows the sensitive fields only to holders of crm.persons.sensitive.read', async () => {
    const seenByViewer = (await call(viewer, 'GET', `/api/v1/persons/${dupont.id}`)).json<Person>();
    expect(seenByViewer.lastName).toBe('Dupont');
    expect(seenByViewer).not.toHaveProperty('personalPhone');
    expect(seenByViewer).not.toHaveProperty('sensitiveNote');
    const seenByRegion = (await call(region, 'GET', `/api/v1/persons/${dupont.id}`)).json<Person>();
    expect(seenByRegion.personalPhone).toBe('+33612345678');
  });

  it('refuses an address held by another contact of the same entity (409 with pointer), not of another entity', async () => {
    const taken = await call(rhone, 'POST', '/api/v1/persons', { lastName: 'Martin', emails: ['autre@exemple.fr', 'HELENE.DUPONT@example.fr'] });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({
      code: 'person_email_taken',
      errors: [{ pointer: '/emails/1', message: expect.stringContaining('appartient déjà à un autre contact') }],
    });
    await create(paris, { lastName: 'Dupont', firstName: 'Hélène', emails: ['helene.dupont@example.fr'] });
  });

  it('isolates branches on read, list, change and delete: 404 and absent, while ancestors see', async () => {
    for (const [method, payload] of [['GET'], ['PATCH', { jobTitle: 'x' }], ['DELETE']] as const) {
      const response = await call(paris, method, `/api/v1/persons/${dupont.id}`, payload, { 'if-match': '"1"' });
      expect(response.statusCode, `${method}`).toBe(404);
    }
    expect((await call(paris, 'GET', `/api/v1/persons/${dupont.id}/affiliations`)).statusCode).toBe(404);
    const parisList = (await call(paris, 'GET', '/api/v1/persons?filter[name][contains]=dupont')).json<{ items: Person[] }>();
    expect(parisList.items.map((p) => p.entityId)).toEqual([ids['75']]);
    const nationalList = (await call(national, 'GET', '/api/v1/persons?filter[name][contains]=dupont&count=exact')).json<{ items: Person[]; count: number }>();
    expect(nationalList.count).toBe(2);
    expect((await call(region, 'GET', `/api/v1/persons/${dupont.id}`)).statusCode).toBe(200);
  });

  it('filters by name (accents and case ignored), email, entity and company', async () => {
    const list = async (who: SignedIn, query: string) =>
      (await call(who, 'GET', `/api/v1/persons?${query}`)).json<{ items: Person[] }>().items.map((p) => p.id);
    expect(await list(rhone, 'filter[name][contains]=HELENE')).toEqual([dupont.id]);
    expect(await list(rhone, 'filter[name][contains]=h%C3%A9l%C3%A8ne%20DUPONT')).toEqual([dupont.id]);
    expect(await list(rhone, 'filter[name][contains]=dupont martin')).toEqual([]);
    expect(await list(rhone, 'filter[email]=H.Dupont@perso.fr')).toEqual([dupont.id]);
    // A list item carries the contact's own addresses, primary first (read in the page's query).
    const byEmail = (await call(rhone, 'GET', '/api/v1/persons?filter[email]=h.dupont@perso.fr')).json<{ items: Person[] }>();
    expect(byEmail.items[0]?.emails).toEqual([
      { email: 'helene.dupont@example.fr', isPrimary: true },
      { email: 'h.dupont@perso.fr', isPrimary: false },
    ]);
    expect(await list(national, `filter[entityId]=${ids['69']}`)).toEqual([dupont.id]);
    const organization = await call(rhone, 'POST', '/api/v1/organizations', { siren: generateSiren(401), name: 'Imprimerie Lyonnaise', address: { postalCode: '69003' } });
    const organizationId = organization.json<{ id: string }>().id;
    expect(await list(rhone, `filter[organizationId]=${organizationId}`)).toEqual([]);
    await call(rhone, 'POST', `/api/v1/persons/${dupont.id}/affiliations`, { organizationId, role: 'dirigeant' });
    expect(await list(rhone, `filter[organizationId]=${organizationId}`)).toEqual([dupont.id]);
  });

  it('changes a contact with a merge patch under If-Match; the addresses list is replaced', async () => {
    const url = `/api/v1/persons/${dupont.id}`;
    expect((await call(rhone, 'PATCH', url, { jobTitle: 'Gérante' })).statusCode).toBe(428);
    expect((await call(rhone, 'PATCH', url, { jobTitle: 'Gérante' }, { 'if-match': '"7"' })).statusCode).toBe(412);
    const wrongType = await call(rhone, 'PATCH', url, { jobTitle: 'Gérante' }, { 'if-match': '"1"', 'content-type': 'application/json' });
    expect(wrongType.statusCode).toBe(415);
    const response = await call(rhone, 'PATCH', url, { jobTitle: 'Gérante', personalPhone: null, emails: ['helene@dupont.fr'] }, { 'if-match': '"1"' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers.etag).toBe('"2"');
    expect(response.json<Person>()).toMatchObject({
      jobTitle: 'Gérante',
      personalPhone: null,
      sensitiveNote: 'Ne pas appeler le lundi (raison médicale)',
      emails: [{ email: 'helene@dupont.fr', isPrimary: true }],
      version: 2,
    });
    const invalid = await call(rhone, 'PATCH', url, { phone: '12' }, { 'if-match': '"2"' });
    expect(invalid.json().errors).toEqual([{ pointer: '/phone', message: expect.any(String) }]);
  });

  it('affiliates contacts to companies; a company lists only the contacts the caller may see', async () => {
    const company = (
      await call(national, 'POST', '/api/v1/organizations', { siren: generateSiren(402), name: 'Transports Rhodaniens', address: { postalCode: '69007' } })
    ).json<{ id: string }>();
    const url = `/api/v1/persons/${dupont.id}/affiliations`;
    const invalid = await call(rhone, 'POST', url, { organizationId: '0190a0a0-0000-7000-8000-000000000000', role: 'drh', startsOn: '2024-05-01', endsOn: '2023-01-01' });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.json().errors.map((error: { pointer: string }) => error.pointer)).toEqual(['/organizationId', '/endsOn']);
    const created = await call(rhone, 'POST', url, { organizationId: company.id, role: 'drh', startsOn: '2024-05-01', isPrimary: true });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json<Affiliation>()).toMatchObject({ entityId: ids['69'], organizationName: 'Transports Rhodaniens', role: 'drh', startsOn: '2024-05-01', isPrimary: true });
    const paired = await create(paris, { lastName: 'Leroy', emails: ['leroy@exemple.fr'] });
    expect((await call(paris, 'POST', `/api/v1/persons/${paired.id}/affiliations`, { organizationId: company.id, role: 'comptable' })).statusCode).toBe(201);
    expect((await call(paris, 'POST', url, { organizationId: company.id, role: 'autre' })).statusCode).toBe(404);

    const contactsOf = async (who: SignedIn) =>
      (await call(who, 'GET', `/api/v1/organizations/${company.id}/contacts`)).json<{ items: OrganizationContact[] }>().items.map((c) => c.person.lastName);
    expect(await contactsOf(rhone)).toEqual(['Dupont']);
    expect(await contactsOf(paris)).toEqual(['Leroy']);
    expect((await contactsOf(national)).sort()).toEqual(['Dupont', 'Leroy']);
    const [contact] = (await call(rhone, 'GET', `/api/v1/organizations/${company.id}/contacts`)).json<{ items: OrganizationContact[] }>().items;
    expect(contact).toMatchObject({ role: 'drh', person: { email: 'helene@dupont.fr', phone: '+33478123456' } });

    const list = (await call(viewer, 'GET', url)).json<{ items: Affiliation[] }>().items;
    expect(list[0]).toMatchObject({ organizationId: company.id, isPrimary: true });
    expect((await call(paris, 'DELETE', `${url}/${list[0]!.id}`)).statusCode).toBe(404);
    expect((await call(rhone, 'DELETE', `${url}/${list[0]!.id}`)).statusCode).toBe(204);
    expect(await contactsOf(rhone)).toEqual([]);
  });

  it('deletes a contact under If-Match', async () => {
    const doomed = await create(rhone, { lastName: 'Éphémère', emails: ['ephemere@exemple.fr'] });
    expect((await call(rhone, 'DELETE', `/api/v1/persons/${doomed.id}`)).statusCode).toBe(428);
    expect((await call(rhone, 'DELETE', `/api/v1/persons/${doomed.id}`, undefined, { 'if-match': '"1"' })).statusCode).toBe(204);
    expect((await call(rhone, 'GET', `/api/v1/persons/${doomed.id}`)).statusCode).toBe(404);
    // The address is free again.
    await create(rhone, { lastName: 'Successeur', emails: ['ephemere@exemple.fr'] });
  });
});
