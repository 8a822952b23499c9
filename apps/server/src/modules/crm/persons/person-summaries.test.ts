import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTransaction } from '../../../platform/db/index.js';
import { createCrmTestNetwork, insertPerson, type CrmTestNetwork } from '../../../test/factories/crm-network.js';
import { findPersonSummaries } from './person-summaries.js';

describe('person summaries for other modules', () => {
  let n: CrmTestNetwork;
  beforeAll(async () => {
    n = await createCrmTestNetwork('summaries');
  });
  afterAll(async () => {
    await n?.t.close();
  });

  it('reads names and the primary address of the persons in scope only', async () => {
    const rhone = await insertPerson(n.database, { entityId: n.ids['69']!, lastName: 'Martin', firstName: 'Léa', emails: ['lea@exemple.fr', 'autre@exemple.fr'] });
    const paris = await insertPerson(n.database, { entityId: n.ids['75']!, lastName: 'Petit' });
    const rhoneScope = { kind: 'entities' as const, entityRoots: [n.ids['69']!], userId: null };
    const summaries = await withTransaction(n.database, rhoneScope, (tx) => findPersonSummaries(tx, [rhone, paris]));
    expect([...summaries.keys()]).toEqual([rhone]);
    expect(summaries.get(rhone)).toEqual({ id: rhone, entityId: n.ids['69'], firstName: 'Léa', lastName: 'Martin', primaryEmail: 'lea@exemple.fr', anonymized: false });
    const national = await withTransaction(n.database, { kind: 'system' }, (tx) => findPersonSummaries(tx, [paris]));
    expect(national.get(paris)).toMatchObject({ lastName: 'Petit', primaryEmail: null });
  });
});
