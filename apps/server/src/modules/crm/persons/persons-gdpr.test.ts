import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId, withOwnerClient, withTransaction } from '../../../platform/db/index.js';
import { createUser, signIn, type SignedIn } from '../../../test/auth.js';
import { createSmallNetwork } from '../../../test/factories/entities.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { generateSiren } from '../identifiers/siren.js';
import { hasConsent, optedOutPersonIds } from './consents.service.js';
import type { PersonExport } from './person-export.js';
import { runPersonRetention } from './person-retention.js';
import type { ConsentState, Person } from './persons.schema.js';

const YEAR = 365 * 86_400_000;

describe('persons GDPR: consents, export, erasure, retention', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  let rhone: SignedIn;
  let paris: SignedIn;
  let viewer: SignedIn;
  let national: SignedIn;
  let companyId: string;

  beforeAll(async () => {
    t = await createTestApp();
    Object.assign(ids, (await createSmallNetwork(t.testDatabase.database)).ids);
    await createUser(t, { email: 'national@gdpr.test', roleCode: 'national_admin', entityId: ids.FR! });
    await createUser(t, { email: 'manager.69@gdpr.test', roleCode: 'manager', entityId: ids['69']! });
    await createUser(t, { email: 'manager.75@gdpr.test', roleCode: 'manager', entityId: ids['75']! });
    await createUser(t, { email: 'viewer.69@gdpr.test', roleCode: 'viewer', entityId: ids['69']! });
    national = await signIn(t.app, 'national@gdpr.test');
    rhone = await signIn(t.app, 'manager.69@gdpr.test');
    paris = await signIn(t.app, 'manager.75@gdpr.test');
    viewer = await signIn(t.app, 'viewer.69@gdpr.test');
    const company = await call(rhone, 'POST', '/api/v1/organizations', { siren: generateSiren(601), name: 'Menuiserie Gone', address: { postalCode: '69001' } });
    companyId = company.json<{ id: string }>().id;
  });
  afterAll(() => t.close());

  const call = (who: SignedIn, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({
      method,
      url,
      headers: {
        ...who.headers(method),
        ...(payload !== undefined ? { 'content-type': method === 'PATCH' ? 'application/merge-patch+json' : 'application/json' } : {}),
        ...headers,
      },
      ...(payload !== undefined ? { payload: JSON.stringify(payload) } : {}),
    });
  const create = async (body: Record<string, unknown>): Promise<Person> => {
    const response = await call(rhone, 'POST', '/api/v1/persons', body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json<Person>();
  };
  const owner = <T>(work: (query: (text: string, values?: unknown[]) => Promise<Array<Record<string, unknown>>>) => Promise<T>) =>
    withOwnerClient(t.testDatabase.database, (client) => work(async (text, values) => (await client.query(text, values)).rows));
  const addInteraction = (personId: string, occurredAt: Date, organizationId: string | null = null) =>
    owner((query) =>
      query(`INSERT INTO interactions (id, entity_id, kind, occurred_at, subject, body_html, person_id, organization_id) VALUES ($1, $2, 'call', $3, $4, $5, $6, $7)`, [
        newId(),
        ids['69'],
        occurredAt,
        'Appel de suivi',
        '<p>A parlé de sa santé</p>',
        personId,
        organizationId,
      ]),
    );

  it('appends consent decisions and reports the latest per channel, for the branch only', async () => {
    const person = await create({ lastName: 'Bernard', emails: ['bernard@exemple.fr'] });
    const url = `/api/v1/persons/${person.id}/consents`;
    expect((await call(viewer, 'POST', url, { channel: 'newsletter', status: 'granted', source: 'Formulaire' })).statusCode).toBe(403);
    const invalid = await call(rhone, 'POST', url, { channel: 'fax', status: 'granted', source: 'Formulaire' });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.json().errors[0].pointer).toBe('/channel');
    for (const decision of [
      { channel: 'newsletter', status: 'granted', source: 'Formulaire du salon', proof: 'formulaire n° 42' },
      { channel: 'sms', status: 'granted', source: 'Appel' },
      { channel: 'newsletter', status: 'withdrawn', source: 'Lien de désinscription' },
    ]) {
      const response = await call(rhone, 'POST', url, decision);
      expect(response.statusCode, response.body).toBe(201);
    }
    const state = (await call(viewer, 'GET', url)).json<ConsentState>();
    expect(state.current).toMatchObject({ newsletter: { status: 'withdrawn', source: 'Lien de désinscription' }, sms: { status: 'granted' }, events: null });
    expect(state.history.map((c) => `${c.channel}:${c.status}`)).toEqual(['newsletter:withdrawn', 'sms:granted', 'newsletter:granted']);
    expect(state.history[2]).toMatchObject({ proof: 'formulaire n° 42', recordedBy: rhone.userId });
    expect((await call(paris, 'GET', url)).statusCode).toBe(404);
    expect((await call(paris, 'POST', url, { channel: 'sms', status: 'withdrawn', source: 'x' })).statusCode).toBe(404);

    const never = await create({ lastName: 'Jamais-Demandé' });
    await withTransaction(t.testDatabase.database, { kind: 'system' }, async (tx) => {
      expect(await hasConsent(tx, person.id, 'sms')).toBe(true);
      expect(await hasConsent(tx, person.id, 'newsletter')).toBe(false);
      expect(await hasConsent(tx, never.id, 'newsletter')).toBe(false);
      expect([...(await optedOutPersonIds(tx, 'newsletter', [person.id, never.id]))]).toEqual([person.id]);
      expect((await optedOutPersonIds(tx, 'sms', [person.id, never.id])).size).toBe(0);
    });
  });

  let exported: Person;

  it('exports everything held on a person, sensitive fields decrypted, to GDPR handlers only, audited', async () => {
    exported = await create({
      firstName: 'Lucie',
      lastName: 'Garnier',
      personalPhone: '06 98 76 54 32',
      sensitiveNote: 'Travailleuse handicapée',
      emails: ['lucie@garnier.fr'],
    });
    await call(rhone, 'POST', `/api/v1/persons/${exported.id}/affiliations`, { organizationId: companyId, role: 'contact_principal' });
    await call(rhone, 'POST', `/api/v1/persons/${exported.id}/consents`, { channel: 'events', status: 'granted', source: 'Inscription', proof: 'lucie@garnier.fr le 3 mars' });
    await addInteraction(exported.id, new Date('2026-01-15T10:00:00Z'));
    const url = `/api/v1/persons/${exported.id}/export`;
    expect((await call(viewer, 'GET', url)).statusCode).toBe(403);
    expect((await call(paris, 'GET', url)).statusCode).toBe(404);
    const response = await call(rhone, 'GET', url);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-disposition']).toContain('attachment');
    const file = response.json<PersonExport>();
    expect(file.person).toMatchObject({ lastName: 'Garnier', personalPhone: '+33698765432', sensitiveNote: 'Travailleuse handicapée', emails: [{ email: 'lucie@garnier.fr' }] });
    expect(file.affiliations).toMatchObject([{ organizationId: companyId, organizationName: 'Menuiserie Gone', role: 'contact_principal' }]);
    expect(file.consents).toMatchObject([{ channel: 'events', status: 'granted', proof: 'lucie@garnier.fr le 3 mars' }]);
    expect(file.interactions).toMatchObject([{ kind: 'call', subject: 'Appel de suivi', occurredAt: '2026-01-15T10:00:00.000Z' }]);
    const audit = await owner((query) => query(`SELECT actor_user_id FROM audit_events WHERE action = 'crm.person.exported' AND resource_id = $1`, [exported.id]));
    expect(audit).toEqual([{ actor_user_id: rhone.userId }]);
  });

  it('erases a person: identity gone, aggregates kept, consents withdrawn without proof, audited without personal data', async () => {
    const url = `/api/v1/persons/${exported.id}/erasure`;
    expect((await call(viewer, 'POST', url)).statusCode).toBe(403);
    expect((await call(paris, 'POST', url)).statusCode).toBe(404);
    const response = await call(rhone, 'POST', url);
    expect(response.statusCode, response.body).toBe(200);
    const erased = response.json<Person>();
    expect(erased).toMatchObject({
      lastName: 'Anonyme',
      firstName: null,
      phone: null,
      personalPhone: null,
      sensitiveNote: null,
      emails: [],
      anonymizedAt: expect.any(String),
    });
    const row = await owner((query) => query('SELECT personal_phone_encrypted, sensitive_note_encrypted FROM persons WHERE id = $1', [exported.id]));
    expect(row).toEqual([{ personal_phone_encrypted: null, sensitive_note_encrypted: null }]);
    expect((await call(rhone, 'GET', `/api/v1/persons/${exported.id}/affiliations`)).json().items).toEqual([]);
    const consents = (await call(rhone, 'GET', `/api/v1/persons/${exported.id}/consents`)).json<ConsentState>();
    expect(consents.current.events).toMatchObject({ status: 'withdrawn' });
    expect(consents.history.every((consent) => consent.proof === null)).toBe(true);
    const [interaction] = (await call(rhone, 'GET', url.replace('/erasure', '/export'))).json<PersonExport>().interactions;
    expect(interaction).toMatchObject({ kind: 'call', subject: 'Contenu effacé (RGPD)', bodyHtml: null });
    // The row still counts; the address is free; the person cannot be changed any more.
    const list = (await call(rhone, 'GET', '/api/v1/persons?filter[name][contains]=anonyme&count=exact')).json<{ count: number }>();
    expect(list.count).toBe(1);
    await create({ lastName: 'Garnier', emails: ['lucie@garnier.fr'] });
    expect((await call(rhone, 'PATCH', `/api/v1/persons/${exported.id}`, { firstName: 'Lucie' }, { 'if-match': '*' })).statusCode).toBe(409);
    const again = await call(rhone, 'POST', url);
    expect(again.json<Person>().version).toBe(erased.version);
    const audit = await owner((query) => query(`SELECT changes::text AS changes FROM audit_events WHERE resource_id = $1 ORDER BY occurred_at`, [exported.id]));
    expect(audit.length).toBeGreaterThan(2);
    for (const event of audit) expect(String(event.changes)).not.toMatch(/Garnier|Lucie|garnier\.fr|98765432|handicap/);
    await withTransaction(t.testDatabase.database, { kind: 'system' }, async (tx) => {
      expect([...(await optedOutPersonIds(tx, 'events', [exported.id]))]).toEqual([exported.id]);
    });
  });

  it('flags prospects without a sign of life for 3 years, then anonymises them after the notice period, idempotently', async () => {
    const now = new Date('2027-06-01T03:00:00Z');
    const old = new Date(now.getTime() - 4 * YEAR);
    const stale = await create({ lastName: 'Ancien', emails: ['ancien@exemple.fr'] });
    const recentCall = await create({ lastName: 'Appelé' });
    const member = await create({ lastName: 'Adhérent' });
    const contract = await create({ lastName: 'Contrat', legalBasis: 'contract' });
    const revived = await create({ lastName: 'Revenu' });
    const fresh = await create({ lastName: 'Récent' });
    await owner(async (query) => {
      await query('UPDATE persons SET created_at = $1 WHERE id = ANY($2::uuid[])', [old, [stale.id, recentCall.id, member.id, contract.id, revived.id]]);
      await query('UPDATE person_consents SET recorded_at = $1', [old]);
      await query(`UPDATE organization_links SET status = 'member' WHERE organization_id = $1`, [companyId]);
    });
    await addInteraction(recentCall.id, new Date(now.getTime() - YEAR));
    await call(rhone, 'POST', `/api/v1/persons/${member.id}/affiliations`, { organizationId: companyId, role: 'dirigeant' });
    const flagged = async () =>
      (await owner((query) => query('SELECT last_name FROM persons WHERE retention_flagged_at IS NOT NULL'))).map((row) => row.last_name).sort();

    const database = t.testDatabase.database;
    expect(await runPersonRetention(database, { noticeDays: 30, now })).toMatchObject({ flagged: 2, anonymized: 0 });
    expect(await flagged()).toEqual(['Ancien', 'Revenu']);
    const seen = (await call(rhone, 'GET', `/api/v1/persons/${stale.id}`)).json<Person>();
    expect(seen.retentionFlaggedAt).toBe(now.toISOString());
    const inNotice = (await call(rhone, 'GET', '/api/v1/persons?filter[retentionFlaggedAt][gte]=2000-01-01T00:00:00Z')).json<{ items: Person[] }>();
    expect(inNotice.items.map((p) => p.id).sort()).toEqual([stale.id, revived.id].sort());
    expect(await runPersonRetention(database, { noticeDays: 30, now })).toEqual({ unflagged: 0, flagged: 0, anonymized: 0 });

    // An interaction during the notice period lifts the flag.
    await owner((query) => query('UPDATE persons SET last_interaction_at = $1 WHERE id = $2', [new Date(now.getTime() + 86_400_000), revived.id]));
    const later = new Date(now.getTime() + 31 * 86_400_000);
    expect(await runPersonRetention(database, { noticeDays: 30, now: later })).toEqual({ unflagged: 1, flagged: 0, anonymized: 1 });
    const after = await owner((query) =>
      query('SELECT last_name, anonymized_at IS NOT NULL AS anonymized FROM persons WHERE id = ANY($1::uuid[])', [
        [stale.id, recentCall.id, member.id, contract.id, revived.id, fresh.id],
      ]),
    );
    expect(after.map((row) => `${String(row.last_name)}:${String(row.anonymized)}`).sort()).toEqual(
      ['Adhérent:false', 'Anonyme:true', 'Appelé:false', 'Contrat:false', 'Récent:false', 'Revenu:false'].sort(),
    );
    expect(await runPersonRetention(database, { noticeDays: 30, now: later })).toEqual({ unflagged: 0, flagged: 0, anonymized: 0 });
    const audit = await owner((query) => query(`SELECT actor_user_id, changes->'reason'->>'after' AS reason FROM audit_events WHERE action = 'crm.person.erased' AND resource_id = $1`, [stale.id]));
    expect(audit).toEqual([{ actor_user_id: null, reason: 'retention' }]);
    expect((await call(national, 'GET', `/api/v1/persons/${stale.id}`)).json<Person>().emails).toEqual([]);
  });
});
