import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTransaction } from '../db/index.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { createUser, signIn, type SignedIn } from '../../test/auth.js';
import { createSmallNetwork, type NetworkFixture } from '../../test/factories/entities.js';
import { MASKED, recordAudit } from './index.js';

describe('GET /api/v1/audit-events', () => {
  let t: TestApp;
  let network: NetworkFixture;
  let national: SignedIn;
  let branch: SignedIn;
  let viewer: SignedIn;

  beforeAll(async () => {
    // The network must exist before ready(): the entity tree snapshot is loaded then (and kept a minute).
    t = await createTestApp({}, { registerRoutes: async (_app, testDatabase) => void (network = await createSmallNetwork(testDatabase.database)) });
    const database = t.testDatabase.database;
    await createUser(t, { email: 'national@example.fr', roleCode: 'national_admin', entityId: network.ids['FR']! });
    await createUser(t, { email: 'rhone@example.fr', roleCode: 'branch_admin', entityId: network.ids['69']! });
    await createUser(t, { email: 'lecteur@example.fr', roleCode: 'viewer', entityId: network.ids['69']! });
    national = await signIn(t.app, 'national@example.fr');
    branch = await signIn(t.app, 'rhone@example.fr');
    viewer = await signIn(t.app, 'lecteur@example.fr');
    // Probe events (resource type "probe"), so that events the sign-ins themselves record do not interfere.
    const probes: Array<[string | null, string]> = [
      ['69', 'p1'],
      ['75', 'p2'],
      [null, 'p3'],
      ['69', 'p4'],
    ];
    for (const [code, resourceId] of probes) {
      await withTransaction(database, { kind: 'system' }, (tx) =>
        recordAudit(tx, {
          action: 'crm.organization.updated',
          resourceType: 'probe',
          resourceId,
          entityId: code ? network.ids[code]! : null,
          before: { name: 'Avant', iban: 'FR7630001007941234567890185' },
          after: { name: 'Après', iban: 'FR7630004000031234567890143' },
          actor: { userId: national.userId, requestId: `req-${resourceId}`, ip: '192.0.2.10' },
        }),
      );
      await new Promise((resolve) => setTimeout(resolve, 3));
    }
  });
  afterAll(() => t.close());

  const probes = (who: SignedIn | null, query = '') =>
    t.app.inject({ url: `/api/v1/audit-events?filter[resourceType]=probe${query}`, headers: who ? who.headers() : {} });

  it('refuses anonymous callers and callers without audit.read', async () => {
    expect((await probes(null)).statusCode).toBe(401);
    const refused = await probes(viewer);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'forbidden' });
  });

  it('shows the national office every event, network-wide ones included, newest first, with masked changes', async () => {
    const response = await probes(national);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<{ items: Array<Record<string, unknown>>; nextCursor: string | null }>();
    expect(body.items.map((item) => item.resourceId)).toEqual(['p4', 'p3', 'p2', 'p1']);
    expect(body.nextCursor).toBeNull();
    expect(body.items[0]).toMatchObject({
      action: 'crm.organization.updated',
      entityId: network.ids['69'],
      actorUserId: national.userId,
      requestId: 'req-p4',
      ip: '192.0.2.10',
      changes: { name: { before: 'Avant', after: 'Après' }, iban: { before: MASKED, after: MASKED } },
      chainPosition: null,
    });
    expect(response.body).not.toContain('FR76');
  });

  it('shows a branch only the events of its subtree, without network-wide ones', async () => {
    const body = (await probes(branch)).json<{ items: Array<{ resourceId: string; actorName: string | null }> }>();
    expect(body.items.map((item) => item.resourceId)).toEqual(['p4', 'p1']);
    // Who acted is named even when that user is homed outside the branch (here: national staff).
    const nationalName = (await t.app.inject({ url: '/api/v1/auth/me', headers: national.headers() })).json<{ user: { displayName: string } }>().user.displayName;
    expect(body.items.map((item) => item.actorName)).toEqual([nationalName, nationalName]);
    const other = (await probes(branch, `&filter[entityId]=${network.ids['75']}`)).json<{ items: unknown[] }>();
    expect(other.items).toEqual([]);
  });

  it('pages with nextCursor and filters by actor', async () => {
    const first = (await probes(national, '&limit=3')).json<{ items: Array<{ resourceId: string }>; nextCursor: string }>();
    expect(first.items.map((item) => item.resourceId)).toEqual(['p4', 'p3', 'p2']);
    const second = (await probes(national, `&limit=3&cursor=${first.nextCursor}`)).json<{ items: Array<{ resourceId: string }>; nextCursor: null }>();
    expect(second).toEqual({ items: [expect.objectContaining({ resourceId: 'p1' })], nextCursor: null });
    const byActor = (await probes(national, `&filter[actorUserId]=${branch.userId}`)).json<{ items: unknown[] }>();
    expect(byActor.items).toEqual([]);
  });

  it('answers 400 to a tampered cursor, an oversized page or an unknown filter', async () => {
    const first = (await probes(national, '&limit=1')).json<{ nextCursor: string }>();
    expect((await probes(national, `&cursor=${first.nextCursor.slice(0, -2)}xx`)).statusCode).toBe(400);
    expect((await probes(national, '&limit=201')).statusCode).toBe(400);
    expect((await probes(national, '&filter[changes]=x')).statusCode).toBe(400);
  });

  it('exports the filtered list as CSV, and audits the export', async () => {
    const response = await t.app.inject({ url: '/api/v1/audit-events?filter[resourceType]=probe', headers: { ...branch.headers(), accept: 'text/csv' } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    const lines = response.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('id,occurredAt,action,resourceType,resourceId,entityId,actorUserId,actorName,requestId,ip,changes,chainPosition');
    expect(lines).toHaveLength(3);
    expect(response.body).not.toContain('FR76');
    const exported = (await t.app.inject({ url: '/api/v1/audit-events?filter[action]=audit.events.exported', headers: branch.headers() })).json<{
      items: Array<Record<string, unknown>>;
    }>();
    expect(exported.items).toEqual([expect.objectContaining({ entityId: network.ids['69'], actorUserId: branch.userId })]);
  });
});
