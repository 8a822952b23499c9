import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withOwnerClient, withTransaction } from '../db/index.js';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.js';
import { recordAudit, sealAuditEvents, SYSTEM_ACTOR, verifyAuditChain } from './index.js';

describe('audit trail: hash chain', () => {
  let t: TestDatabase;

  beforeAll(async () => {
    t = await createTestDatabase({ migrated: true });
  });
  afterAll(() => t.drop());

  const record = (count: number, label: string) =>
    withTransaction(t.database, { kind: 'system' }, async (tx) => {
      for (let i = 0; i < count; i++) {
        await recordAudit(tx, {
          action: 'test.thing.updated',
          resourceType: 'thing',
          resourceId: `${label}-${i}`,
          entityId: null,
          after: { n: i, note: 'café' },
          actor: SYSTEM_ACTOR,
        });
      }
    });

  /** Tampers as the owner would: the guard trigger must be disabled first. */
  const tamper = (statements: string[]) =>
    withOwnerClient(t.database, async (client) => {
      await client.query('BEGIN');
      await client.query('ALTER TABLE audit_events DISABLE TRIGGER USER');
      for (const statement of statements) await client.query(statement);
      await client.query('ALTER TABLE audit_events ENABLE TRIGGER USER');
      await client.query('COMMIT');
    });

  /** Each scenario starts from a fresh, intact chain of 5 events. */
  const freshChain = async () => {
    await tamper(['DELETE FROM audit_events', 'DELETE FROM audit_chain_head']);
    await record(5, 'e');
    expect(await sealAuditEvents(t.database)).toBe(5);
    expect(await verifyAuditChain(t.database)).toMatchObject({ intact: true, count: 5 });
  };

  it('verifies an empty trail, then seals events contiguously across runs', async () => {
    expect(await verifyAuditChain(t.database)).toMatchObject({ intact: true, count: 0 });
    await record(3, 'a');
    expect(await sealAuditEvents(t.database)).toBe(3);
    await record(2, 'b');
    expect(await sealAuditEvents(t.database)).toBe(2);
    expect(await sealAuditEvents(t.database)).toBe(0);
    const { rows } = await t.database.pool.query<{ chain_position: number }>('SELECT chain_position FROM audit_events ORDER BY chain_position');
    expect(rows.map((row) => row.chain_position)).toEqual([1, 2, 3, 4, 5]);
    expect(await verifyAuditChain(t.database)).toMatchObject({ intact: true, count: 5 });
  });

  it('detects an altered row', async () => {
    await freshChain();
    await tamper([`UPDATE audit_events SET changes = '{"n": {"before": null, "after": 42}}' WHERE chain_position = 3`]);
    expect(await verifyAuditChain(t.database)).toMatchObject({ intact: false, brokenAt: 3 });
  });

  it('detects a deleted row', async () => {
    await freshChain();
    await tamper(['DELETE FROM audit_events WHERE chain_position = 2']);
    expect(await verifyAuditChain(t.database)).toMatchObject({ intact: false, brokenAt: 2 });
  });

  it('detects deleted newest rows', async () => {
    await freshChain();
    await tamper(['DELETE FROM audit_events WHERE chain_position >= 4']);
    expect(await verifyAuditChain(t.database)).toMatchObject({ intact: false, brokenAt: 4 });
  });

  it('detects reordered rows, even with their hashes swapped along', async () => {
    await freshChain();
    await tamper([
      'UPDATE audit_events SET chain_position = -chain_position WHERE chain_position IN (2, 4)',
      'UPDATE audit_events SET chain_position = 6 + chain_position WHERE chain_position IN (-2, -4)',
    ]);
    expect(await verifyAuditChain(t.database)).toMatchObject({ intact: false, brokenAt: 2 });
  });

  it('detects a row whose content was altered and rehashed without relinking the rest', async () => {
    await freshChain();
    await tamper([`UPDATE audit_events SET ip = '198.51.100.1', chain_hash = md5('x') || md5('y') WHERE chain_position = 5`]);
    expect(await verifyAuditChain(t.database)).toMatchObject({ intact: false, brokenAt: 5 });
  });

  it('detects a forged event appended beyond the recorded head', async () => {
    await freshChain();
    await record(1, 'forged');
    await tamper([`UPDATE audit_events SET chain_position = 6, chain_hash = repeat('a', 64) WHERE chain_position IS NULL`]);
    expect(await verifyAuditChain(t.database)).toMatchObject({ intact: false, brokenAt: 6 });
  });

  it('keeps positions contiguous when several sealers run at once', async () => {
    await freshChain();
    await record(30, 'c');
    const sealed = await Promise.all([sealAuditEvents(t.database), sealAuditEvents(t.database), sealAuditEvents(t.database)]);
    expect(sealed.reduce((a, b) => a + b, 0)).toBe(30);
    expect(await verifyAuditChain(t.database)).toMatchObject({ intact: true, count: 35 });
  });
});
