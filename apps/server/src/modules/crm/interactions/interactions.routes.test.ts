import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withOwnerClient, withTransaction } from '../../../platform/db/index.js';
import { ValidationError } from '../../../platform/http/errors.js';
import { recordInteraction } from '../index.js';
import { createCrmTestNetwork, insertPerson, type CrmTestNetwork } from '../../../test/factories/crm-network.js';
import { generateSiren } from '../identifiers/siren.js';
import type { Organization } from '../organizations/organizations.schema.js';
import type { Interaction } from './interactions.schema.js';

describe('interactions and timelines API', () => {
  let n: CrmTestNetwork;
  let lyon: Organization;
  let rhonePerson: string;
  let parisPerson: string;

  const record = async (who: keyof CrmTestNetwork['staff'], body: Record<string, unknown>): Promise<Interaction> => {
    const response = await n.call(n.staff[who], 'POST', '/api/v1/interactions', body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json<Interaction>();
  };
  const subjects = (body: { items: Interaction[] }) => body.items.map((item) => item.subject);
  const lastInteractionAt = (personId: string) =>
    withOwnerClient(n.database, async (client) => {
      const { rows } = await client.query<{ at: Date | null }>('SELECT last_interaction_at AS at FROM persons WHERE id = $1', [personId]);
      return rows[0]!.at?.toISOString() ?? null;
    });

  beforeAll(async () => {
    n = await createCrmTestNetwork('interactions');
    const response = await n.call(n.staff.national, 'POST', '/api/v1/organizations', { siren: generateSiren(4101), name: 'Chocolaterie Bellecour', address: { postalCode: '69002' } });
    lyon = response.json<Organization>();
    rhonePerson = await insertPerson(n.database, { entityId: n.ids['69']!, lastName: 'Durand', firstName: 'Léa', organizationIds: [lyon.id] });
    parisPerson = await insertPerson(n.database, { entityId: n.ids['75']!, lastName: 'Petit', firstName: 'Marc' });
  });
  afterAll(() => n?.t.close());

  it('records a note with a contact, sanitising its HTML, and moves the contact\'s last interaction forward', async () => {
    const note = await record('rhone', {
      kind: 'note',
      occurredAt: '2026-03-10T09:00:00Z',
      subject: 'Premier contact',
      personId: rhonePerson,
      organizationId: lyon.id,
      bodyHtml:
        '<p onclick="x()">Intéressée par <strong>l\'adhésion</strong><script>alert(1)</script></p><img src=x onerror="alert(1)"><a href="javascript:alert(1)">piège</a> <a href="https://example.fr">site</a>',
    });
    expect(note).toMatchObject({ entityId: n.ids['69'], kind: 'note', authorUserId: n.staff.rhone.userId, version: 1 });
    expect(note.bodyHtml).toBe(
      '<p>Intéressée par <strong>l\'adhésion</strong></p><a rel="noopener noreferrer nofollow" target="_blank">piège</a> <a href="https://example.fr" rel="noopener noreferrer nofollow" target="_blank">site</a>',
    );
    expect(await lastInteractionAt(rhonePerson)).toBe('2026-03-10T09:00:00.000Z');
    const audit = await withOwnerClient(n.database, async (client) =>
      (await client.query(`SELECT changes FROM audit_events WHERE action = 'crm.interaction.created' AND resource_id = $1`, [note.id])).rows[0].changes,
    );
    expect(audit).toMatchObject({ kind: { after: 'note' }, personId: { after: rhonePerson }, personalData: { after: '[masked]' } });
    // An older entry does not move the clock back.
    await record('rhone', { kind: 'call', occurredAt: '2025-11-02T14:30:00Z', subject: 'Appel de qualification', personId: rhonePerson });
    expect(await lastInteractionAt(rhonePerson)).toBe('2026-03-10T09:00:00.000Z');
  });

  it('refuses an interaction about nobody, an unknown company and another branch\'s contact (422 with pointers)', async () => {
    const nobody = await n.call(n.staff.rhone, 'POST', '/api/v1/interactions', { kind: 'call', occurredAt: '2026-01-01T10:00:00Z', subject: 'Sans objet' });
    expect(nobody.statusCode).toBe(422);
    expect(nobody.json().errors).toEqual([{ pointer: '/organizationId', message: expect.stringContaining('entreprise ou à un contact') }]);
    const stranger = await n.call(n.staff.rhone, 'POST', '/api/v1/interactions', {
      kind: 'call',
      occurredAt: '2026-01-01T10:00:00Z',
      subject: 'Ailleurs',
      personId: parisPerson,
      organizationId: '01900000-0000-7000-8000-000000000000',
    });
    expect(stranger.statusCode).toBe(422);
    expect(stranger.json().errors).toEqual([
      { pointer: '/personId', message: 'Contact introuvable.' },
      { pointer: '/organizationId', message: 'Entreprise introuvable.' },
    ]);
    const elsewhere = await n.call(n.staff.rhone, 'POST', '/api/v1/interactions', { kind: 'call', occurredAt: '2026-01-01T10:00:00Z', subject: 'x', organizationId: lyon.id, entityId: n.ids['75'] });
    expect(elsewhere.json().errors).toEqual([{ pointer: '/entityId', message: expect.stringContaining('cette structure') }]);
    expect((await n.call(n.staff.rhoneViewer, 'POST', '/api/v1/interactions', { kind: 'call', occurredAt: '2026-01-01T10:00:00Z', subject: 'x', organizationId: lyon.id })).statusCode).toBe(403);
  });

  it('lists a company\'s timeline newest first, filtered by kind and date range, page by page', async () => {
    await record('rhone', { kind: 'meeting', occurredAt: '2026-02-01T10:00:00Z', subject: 'Rendez-vous', organizationId: lyon.id });
    await record('rhone', { kind: 'email', occurredAt: '2026-04-01T08:00:00Z', subject: 'Envoi du bulletin', organizationId: lyon.id });
    await record('rhone', { kind: 'membership_change', occurredAt: '2026-01-15T08:00:00Z', subject: 'Adhésion', organizationId: lyon.id });
    const url = `/api/v1/organizations/${lyon.id}/timeline`;
    const all = await n.call(n.staff.rhone, 'GET', url);
    expect(all.statusCode, all.body).toBe(200);
    expect(subjects(all.json())).toEqual(['Envoi du bulletin', 'Premier contact', 'Rendez-vous', 'Adhésion']);
    const meetings = await n.call(n.staff.rhone, 'GET', `${url}?filter[kind][in]=meeting,membership_change`);
    expect(subjects(meetings.json())).toEqual(['Rendez-vous', 'Adhésion']);
    const range = await n.call(n.staff.rhone, 'GET', `${url}?filter[occurredAt][gte]=2026-02-01T00:00:00Z&filter[occurredAt][lte]=2026-03-31T23:59:59Z`);
    expect(subjects(range.json())).toEqual(['Premier contact', 'Rendez-vous']);
    const first = await n.call(n.staff.rhone, 'GET', `${url}?limit=3`);
    expect(subjects(first.json())).toEqual(['Envoi du bulletin', 'Premier contact', 'Rendez-vous']);
    const next = await n.call(n.staff.rhone, 'GET', `${url}?limit=3&cursor=${first.json().nextCursor}`);
    expect(next.json()).toMatchObject({ items: [{ subject: 'Adhésion' }], nextCursor: null });
    const person = await n.call(n.staff.rhone, 'GET', `/api/v1/persons/${rhonePerson}/timeline`);
    expect(subjects(person.json())).toEqual(['Premier contact', 'Appel de qualification']);
    // Another company's timeline (the same statement, another value) holds only its own.
    const other = (await n.call(n.staff.national, 'POST', '/api/v1/organizations', { siren: generateSiren(4102), name: 'Boulangerie Croix-Rousse', address: { postalCode: '69004' } })).json<Organization>();
    await record('rhone', { kind: 'call', occurredAt: '2026-03-01T10:00:00Z', subject: 'Appel Croix-Rousse', organizationId: other.id });
    expect(subjects((await n.call(n.staff.rhone, 'GET', `/api/v1/organizations/${other.id}/timeline`)).json())).toEqual(['Appel Croix-Rousse']);
    expect(subjects((await n.call(n.staff.rhone, 'GET', url)).json())).not.toContain('Appel Croix-Rousse');
    expect((await n.call(n.staff.rhone, 'GET', `${url}?filter[kind]=visio`)).statusCode).toBe(400);
  });

  it('keeps every timeline and interaction to its branch (and its ancestors)', async () => {
    const parisCall = await record('paris', { kind: 'call', occurredAt: '2026-05-01T10:00:00Z', subject: 'Appel parisien', organizationId: lyon.id });
    const url = `/api/v1/organizations/${lyon.id}/timeline`;
    expect(subjects((await n.call(n.staff.paris, 'GET', url)).json())).toEqual(['Appel parisien']);
    expect(subjects((await n.call(n.staff.rhone, 'GET', url)).json())).not.toContain('Appel parisien');
    expect(subjects((await n.call(n.staff.region, 'GET', url)).json())).toEqual(['Envoi du bulletin', 'Premier contact', 'Rendez-vous', 'Adhésion']);
    expect((await n.call(n.staff.national, 'GET', url)).json().items).toHaveLength(5);
    expect((await n.call(n.staff.paris, 'GET', `/api/v1/persons/${rhonePerson}/timeline`)).statusCode).toBe(404);
    expect((await n.call(n.staff.paris, 'GET', '/api/v1/organizations/01900000-0000-7000-8000-000000000000/timeline')).statusCode).toBe(404);
    const rhoneOwn = (await n.call(n.staff.rhone, 'GET', '/api/v1/interactions')).json().items as Interaction[];
    expect(rhoneOwn.every((item) => item.entityId === n.ids['69'])).toBe(true);
    expect(subjects((await n.call(n.staff.paris, 'GET', '/api/v1/interactions')).json())).toEqual(['Appel parisien']);
    const rhoneNote = rhoneOwn.find((item) => item.subject === 'Premier contact')!;
    expect((await n.call(n.staff.paris, 'GET', `/api/v1/interactions/${rhoneNote.id}`)).statusCode).toBe(404);
    expect((await n.call(n.staff.paris, 'PATCH', `/api/v1/interactions/${rhoneNote.id}`, { subject: 'x' }, { 'if-match': '"1"' })).statusCode).toBe(404);
    expect((await n.call(n.staff.paris, 'DELETE', `/api/v1/interactions/${rhoneNote.id}`)).statusCode).toBe(404);
    expect((await n.call(n.staff.rhone, 'GET', `/api/v1/interactions/${parisCall.id}`)).statusCode).toBe(404);
  });

  it('lets other modules add timeline entries inside their own transaction and scope', async () => {
    const scope = { kind: 'entities' as const, entityRoots: [n.ids['69']!], userId: null };
    const entry = await withTransaction(n.database, scope, (tx) =>
      recordInteraction(tx, { kind: 'membership_change', occurredAt: '2026-08-01T00:00:00Z', subject: 'Adhésion 2026', personId: rhonePerson, organizationId: lyon.id, authorUserId: null }),
    );
    expect(entry).toMatchObject({ entityId: n.ids['69'], kind: 'membership_change', personId: rhonePerson });
    expect(await lastInteractionAt(rhonePerson)).toBe('2026-08-01T00:00:00.000Z');
    const parisScope = { kind: 'entities' as const, entityRoots: [n.ids['75']!], userId: null };
    const refused = withTransaction(n.database, parisScope, (tx) =>
      recordInteraction(tx, { kind: 'event_attendance', occurredAt: '2026-08-02T00:00:00Z', subject: 'Salon', personId: rhonePerson, authorUserId: null }),
    );
    await expect(refused).rejects.toBeInstanceOf(ValidationError);
  });

  it('changes an interaction under If-Match (sanitising again) and deletes it', async () => {
    const call = await record('rhone', { kind: 'call', occurredAt: '2026-06-01T10:00:00Z', subject: 'À rappeler', personId: rhonePerson });
    expect(await lastInteractionAt(rhonePerson)).toBe('2026-08-01T00:00:00.000Z');
    const url = `/api/v1/interactions/${call.id}`;
    expect((await n.call(n.staff.rhone, 'PATCH', url, { subject: 'x' })).statusCode).toBe(428);
    const patched = await n.call(n.staff.rhone, 'PATCH', url, { bodyHtml: '<p>Rappel fait<iframe src="https://evil.example"></iframe></p>', occurredAt: '2026-09-01T10:00:00Z' }, { 'if-match': '"1"' });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ version: 2, bodyHtml: '<p>Rappel fait</p>', subject: 'À rappeler' });
    expect(patched.headers.etag).toBe('"2"');
    expect(await lastInteractionAt(rhonePerson)).toBe('2026-09-01T10:00:00.000Z');
    expect((await n.call(n.staff.rhone, 'PATCH', url, { subject: 'Périmé' }, { 'if-match': '"1"' })).statusCode).toBe(412);
    expect((await n.call(n.staff.rhone, 'DELETE', url)).statusCode).toBe(204);
    expect((await n.call(n.staff.rhone, 'GET', url)).statusCode).toBe(404);
  });
});
