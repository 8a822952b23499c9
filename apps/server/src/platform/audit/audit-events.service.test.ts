import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTransaction, type DbScope } from '../db/index.js';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.js';
import { createSmallNetwork, type NetworkFixture } from '../../test/factories/entities.js';
import { auditEventCollection, listAuditEvents, recordAudit, SYSTEM_ACTOR } from './index.js';

describe('audit events: scoped listing', () => {
  let t: TestDatabase;
  let network: NetworkFixture;
  const scopeOf = (code: string): DbScope => ({ kind: 'entities', entityRoots: [network.ids[code]!], userId: null });

  beforeAll(async () => {
    t = await createTestDatabase({ migrated: true });
    network = await createSmallNetwork(t.database);
    // One event per transaction, a few ms apart, oldest first: FR, R84, 69, 75, network-wide, 69.
    const events: Array<[string | null, string]> = [
      ['FR', 'entities.entity.updated'],
      ['R84', 'entities.entity.updated'],
      ['69', 'crm.organization.created'],
      ['75', 'crm.organization.created'],
      [null, 'auth.login.failed'],
      ['69', 'crm.organization.updated'],
    ];
    for (const [index, [code, action]] of events.entries()) {
      await withTransaction(t.database, { kind: 'system' }, (tx) =>
        recordAudit(tx, {
          action,
          resourceType: action.split('.')[1]!,
          resourceId: `r${index}`,
          entityId: code ? network.ids[code]! : null,
          actor: SYSTEM_ACTOR,
        }),
      );
      await sleep(5);
    }
  });
  afterAll(() => t.drop());

  const list = async (scope: DbScope, query: Record<string, unknown> = {}) => {
    const page = await listAuditEvents(t.database, scope, auditEventCollection.parse(query));
    return { ids: page.items.map((item) => item.resourceId), nextCursor: page.nextCursor };
  };

  it('shows the national office everything, network-wide events included, newest first', async () => {
    expect((await list(scopeOf('FR'))).ids).toEqual(['r5', 'r4', 'r3', 'r2', 'r1', 'r0']);
  });

  it('shows a region its subtree only, without network-wide events', async () => {
    expect((await list(scopeOf('R84'))).ids).toEqual(['r5', 'r2', 'r1']);
    expect((await list(scopeOf('69'))).ids).toEqual(['r5', 'r2']);
    expect((await list({ kind: 'entities', entityRoots: [], userId: null })).ids).toEqual([]);
  });

  it('pages with a keyset cursor without repeating or skipping', async () => {
    const first = await list(scopeOf('FR'), { limit: 4 });
    expect(first.ids).toEqual(['r5', 'r4', 'r3', 'r2']);
    const second = await list(scopeOf('FR'), { limit: 4, cursor: first.nextCursor });
    expect(second).toEqual({ ids: ['r1', 'r0'], nextCursor: null });
  });

  it('filters by action, resource, entity and time range', async () => {
    expect((await list(scopeOf('FR'), { 'filter[action]': 'crm.organization.created' })).ids).toEqual(['r3', 'r2']);
    expect((await list(scopeOf('FR'), { 'filter[action][contains]': 'login' })).ids).toEqual(['r4']);
    expect((await list(scopeOf('FR'), { 'filter[resourceType]': 'entity', 'filter[resourceId]': 'r1' })).ids).toEqual(['r1']);
    expect((await list(scopeOf('FR'), { 'filter[entityId]': network.ids['69'] })).ids).toEqual(['r5', 'r2']);
    // A branch filtering on another branch sees nothing rather than an error.
    expect((await list(scopeOf('69'), { 'filter[entityId]': network.ids['75'] })).ids).toEqual([]);
    const all = await listAuditEvents(t.database, scopeOf('FR'), auditEventCollection.parse({}));
    const third = all.items[3]!.occurredAt;
    const from = await list(scopeOf('FR'), { 'filter[occurredAt][gte]': third });
    expect(from.ids).toEqual(['r5', 'r4', 'r3', 'r2']);
    const to = await list(scopeOf('FR'), { 'filter[occurredAt][lte]': third });
    expect(to.ids).toEqual(['r2', 'r1', 'r0']);
  });
});
