import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withOwnerClient, withTransaction, type DbScope } from '../db/index.js';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.js';
import { createSmallNetwork, type NetworkFixture } from '../../test/factories/entities.js';
import { MASKED, recordAudit, registerSensitiveFields, SYSTEM_ACTOR, type AuditEventInput } from './index.js';

describe('audit trail: recording, masking, append-only', () => {
  let t: TestDatabase;
  let network: NetworkFixture;
  const system: DbScope = { kind: 'system' };

  beforeAll(async () => {
    t = await createTestDatabase({ migrated: true });
    network = await createSmallNetwork(t.database);
  });
  afterAll(() => t.drop());

  const event = (overrides: Partial<AuditEventInput> = {}): AuditEventInput => ({
    action: 'crm.organization.updated',
    resourceType: 'organization',
    resourceId: 'org-1',
    entityId: network.ids['69']!,
    actor: { userId: null, requestId: 'req-1', ip: '203.0.113.7' },
    ...overrides,
  });

  const rowsFor = (resourceId: string) =>
    withOwnerClient(t.database, async (client) => {
      const { rows } = await client.query('SELECT * FROM audit_events WHERE resource_id = $1 ORDER BY id', [resourceId]);
      return rows;
    });

  it('stores only the changed keys, with sensitive fields masked', async () => {
    registerSensitiveFields(['birth_date']);
    await withTransaction(t.database, system, (tx) =>
      recordAudit(
        tx,
        event({
          resourceId: 'diff-1',
          before: { name: 'Ancien', city: 'Lyon', passwordHash: 'h1', birthDate: '1980-01-01', token: null },
          after: { name: 'Nouveau', city: 'Lyon', passwordHash: 'h2', birthDate: '1981-02-02', token: 'tok-secret', profile: { iban: 'FR76 0000' } },
        }),
      ),
    );
    const [row] = await rowsFor('diff-1');
    expect(row.changes).toEqual({
      name: { before: 'Ancien', after: 'Nouveau' },
      passwordHash: { before: MASKED, after: MASKED },
      birthDate: { before: MASKED, after: MASKED },
      token: { before: null, after: MASKED },
      profile: { before: null, after: { iban: MASKED } },
    });
    expect(JSON.stringify(row)).not.toMatch(/h1|h2|1980|tok-secret|FR76/);
    expect(row).toMatchObject({ action: 'crm.organization.updated', request_id: 'req-1', ip: '203.0.113.7', chain_position: null });
  });

  it('records a change of a nested sensitive value, masked, and skips unchanged keys', async () => {
    await withTransaction(t.database, system, (tx) =>
      recordAudit(
        tx,
        event({
          resourceId: 'nested',
          before: { bank: { iban: 'FR76 1111', label: 'Compte' }, updatedAt: new Date('2026-01-01T00:00:00Z'), note: undefined },
          after: { bank: { iban: 'FR76 2222', label: 'Compte' }, updatedAt: '2026-01-01T00:00:00.000Z', note: null },
        }),
      ),
    );
    const [row] = await rowsFor('nested');
    expect(row.changes).toEqual({ bank: { before: { iban: MASKED, label: 'Compte' }, after: { iban: MASKED, label: 'Compte' } } });
  });

  it('refuses an action that does not follow the naming rule', async () => {
    await expect(withTransaction(t.database, system, (tx) => recordAudit(tx, event({ action: 'Organization Updated' })))).rejects.toThrow(
      /must read <module>.<resource>.<verb>/,
    );
  });

  it('commits and rolls back with the business transaction', async () => {
    await expect(
      withTransaction(t.database, system, async (tx) => {
        await recordAudit(tx, event({ resourceId: 'rolled-back' }));
        throw new Error('business failure');
      }),
    ).rejects.toThrow('business failure');
    expect(await rowsFor('rolled-back')).toHaveLength(0);
  });

  it('lets a branch record events of its own subtree and network-wide ones, not of another branch', async () => {
    const branch: DbScope = { kind: 'entities', entityRoots: [network.ids['69']!], userId: null };
    await withTransaction(t.database, branch, async (tx) => {
      await recordAudit(tx, event({ resourceId: 'own' }));
      await recordAudit(tx, event({ resourceId: 'login', entityId: null, action: 'auth.login.failed' }));
    });
    await expect(
      withTransaction(t.database, branch, (tx) => recordAudit(tx, event({ resourceId: 'other', entityId: network.ids['75']! }))),
    ).rejects.toThrow(/row-level security/);
  });

  it('refuses UPDATE, DELETE and TRUNCATE to the application role', async () => {
    await withTransaction(t.database, system, (tx) => recordAudit(tx, event({ resourceId: 'immutable' })));
    for (const statement of [
      `UPDATE audit_events SET action = 'crm.organization.deleted' WHERE resource_id = 'immutable'`,
      `DELETE FROM audit_events WHERE resource_id = 'immutable'`,
      'TRUNCATE audit_events',
      `UPDATE audit_events SET chain_position = 99, chain_hash = 'x' WHERE resource_id = 'immutable'`,
    ]) {
      await expect(withTransaction(t.database, system, (tx) => tx.client.query(statement))).rejects.toThrow(/permission denied/);
    }
    expect(await rowsFor('immutable')).toHaveLength(1);
  });

  it('does not let the application role choose the time or the chain position of an event', async () => {
    await expect(
      withTransaction(t.database, system, (tx) =>
        tx.client.query(
          `INSERT INTO audit_events (id, occurred_at, action, resource_type) VALUES (gen_random_uuid(), '2000-01-01', 'x.y', 'z')`,
        ),
      ),
    ).rejects.toThrow(/permission denied/);
    await expect(
      withTransaction(t.database, system, (tx) =>
        tx.client.query(
          `INSERT INTO audit_events (id, action, resource_type, chain_position, chain_hash) VALUES (gen_random_uuid(), 'x.y', 'z', 1, 'h')`,
        ),
      ),
    ).rejects.toThrow(/permission denied/);
  });

  it('refuses to change or delete an event even as the owner while the guard trigger is on', async () => {
    await withTransaction(t.database, system, (tx) => recordAudit(tx, event({ resourceId: 'guarded', actor: SYSTEM_ACTOR })));
    await expect(
      withOwnerClient(t.database, (client) => client.query(`UPDATE audit_events SET ip = '1.1.1.1' WHERE resource_id = 'guarded'`)),
    ).rejects.toThrow(/append-only/);
    await expect(
      withOwnerClient(t.database, (client) => client.query(`DELETE FROM audit_events WHERE resource_id = 'guarded'`)),
    ).rejects.toThrow(/append-only/);
  });
});
