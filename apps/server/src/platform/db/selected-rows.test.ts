import { desc, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmallNetwork } from '../../test/factories/entities.js';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.js';
import { entities } from '../tenancy/entity-tree.tables.js';
import { arrayRows, decodedRow, selectionDecoders, type FlatSelection } from './selected-rows.js';
import { withTransaction } from './transaction.js';

describe('rows decoded by selection', () => {
  let testDatabase: TestDatabase;
  let national: string;

  beforeAll(async () => {
    testDatabase = await createTestDatabase({ migrated: true });
    national = (await createSmallNetwork(testDatabase.database)).ids.FR!;
  }, 120_000);

  afterAll(async () => {
    await testDatabase?.drop();
  });

  it('decodes every kind of field exactly as Drizzle does: columns (dates, nulls), SQL expressions with and without a decoder', async () => {
    const selection: FlatSelection = {
      id: entities.id,
      code: entities.code,
      parentId: entities.parentId,
      siren: entities.siren,
      version: entities.version,
      createdAt: entities.createdAt,
      updatedAt: entities.updatedAt,
      position: sql<unknown[]>`json_build_array(${entities.name}, ${entities.createdAt}, ${entities.id})`,
      children: sql<number>`(SELECT count(*) FROM entities c WHERE c.parent_id = ${entities.id})`.mapWith(Number),
      label: sql<string>`upper(${entities.code})`.as('label'),
      // Read as text, as Drizzle's driver reads dates (node-postgres alone would make a Date of it).
      day: sql<string>`(${entities.createdAt})::date`,
    };
    const scope = { kind: 'entities' as const, entityRoots: [national], userId: null };
    const [drizzles, ours] = await withTransaction(testDatabase.database, scope, async (tx) => {
      const statement = () => tx.db.select(selection).from(entities).orderBy(desc(entities.code)).limit(20);
      const { sql: text, params } = statement().toSQL();
      const fields = selectionDecoders(selection);
      const rows = (await arrayRows(tx, text, params)).map((values) => decodedRow<Record<string, unknown>>(values, fields));
      return [await statement(), rows];
    });
    expect(ours.length).toBeGreaterThan(3);
    expect(ours).toEqual(drizzles);
    expect(ours.some((row) => row['parentId'] === null && row['siren'] === null)).toBe(true);
    expect(ours[0]!['createdAt']).toBeInstanceOf(Date);
    expect(typeof ours[0]!['children']).toBe('number');
    expect(ours[0]!['day']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
