import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withOwnerClient } from '../db/index.js';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.js';
import { FieldCipher } from './field-cipher.js';
import { listEncryptedColumns, registerEncryptedColumn } from './encrypted-columns.js';
import { rotateEncryptionKeys } from './key-rotation.js';

describe('encryption key rotation', () => {
  let t: TestDatabase;
  const blind = randomBytes(32);
  const oldKey = { id: 'k2025', key: randomBytes(32) };
  const newKey = { id: 'k2026', key: randomBytes(32) };
  const before = new FieldCipher([oldKey], blind);
  const after = new FieldCipher([newKey, oldKey], blind);
  const column = { table: 'rotation_probe', idColumn: 'id', column: 'phone' };

  beforeAll(async () => {
    t = await createTestDatabase({ migrated: true });
    await withOwnerClient(t.database, async (client) => {
      await client.query('CREATE TABLE rotation_probe (id integer PRIMARY KEY, phone text)');
      for (let id = 1; id <= 7; id++) {
        const value = id === 3 ? null : id === 5 ? after.encrypt(`06 00 00 00 0${id}`) : before.encrypt(`06 00 00 00 0${id}`);
        await client.query('INSERT INTO rotation_probe (id, phone) VALUES ($1, $2)', [id, value]);
      }
    });
  });
  afterAll(() => t.drop());

  const stored = () =>
    withOwnerClient(t.database, async (client) => {
      const { rows } = await client.query<{ id: number; phone: string | null }>('SELECT id, phone FROM rotation_probe ORDER BY id');
      return rows;
    });

  it('re-encrypts every value under an old key, in batches, and they still decrypt', async () => {
    registerEncryptedColumn(column);
    expect(listEncryptedColumns()).toContainEqual(column);
    const [result] = await rotateEncryptionKeys(t.database, after, { columns: [column], batchSize: 2 });
    expect(result).toEqual({ table: 'rotation_probe', column: 'phone', reencrypted: 5 });
    const rows = await stored();
    for (const row of rows) {
      if (row.id === 3) {
        expect(row.phone).toBeNull();
        continue;
      }
      expect(row.phone).toMatch(/^k2026:/);
      expect(after.decrypt(row.phone!)).toBe(`06 00 00 00 0${row.id}`);
      // Only the new key is needed from now on.
      expect(new FieldCipher([newKey], blind).decrypt(row.phone!)).toBe(`06 00 00 00 0${row.id}`);
    }
  });

  it('has nothing left to do on a second run', async () => {
    const [result] = await rotateEncryptionKeys(t.database, after, { columns: [column] });
    expect(result!.reencrypted).toBe(0);
  });

  it('stops with the column named when a value is under a key the keyring lacks', async () => {
    const stranger = new FieldCipher([{ id: 'lost', key: randomBytes(32) }], blind);
    await withOwnerClient(t.database, (client) => client.query('INSERT INTO rotation_probe (id, phone) VALUES (99, $1)', [stranger.encrypt('x')]));
    await expect(rotateEncryptionKeys(t.database, after, { columns: [column] })).rejects.toThrow(/rotation_probe\.phone.*No key "lost"/);
  });

  it('refuses a registration that is not a plain SQL identifier', () => {
    expect(() => registerEncryptedColumn({ table: 'users; DROP TABLE x', idColumn: 'id', column: 'c' })).toThrow(/Invalid SQL identifier/);
  });
});
