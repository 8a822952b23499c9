import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId, withTransaction } from '../../../platform/db/index.js';
import { createCrmTestNetwork, insertPerson, type CrmTestNetwork } from '../../../test/factories/crm-network.js';
import { withdrawConsentFromLink } from './consent-withdrawal.js';

describe('unsubscribe links withdraw the CRM consent', () => {
  let n: CrmTestNetwork;
  beforeAll(async () => {
    n = await createCrmTestNetwork('unsubscribe');
  });
  afterAll(() => n?.t.close());

  it('records a withdrawal on the list\'s channel, with the link as proof, and leaves erased persons alone', async () => {
    const personId = await insertPerson(n.database, { entityId: n.ids['69']!, lastName: 'Roux', emails: ['roux@exemple.fr'] });
    const url = `/api/v1/persons/${personId}/consents`;
    expect((await n.call(n.staff.rhone, 'POST', url, { channel: 'newsletter', status: 'granted', source: 'Salon' })).statusCode).toBe(201);
    const outboxId = newId();
    await withTransaction(n.database, { kind: 'system' }, (tx) => withdrawConsentFromLink(tx, { personId, list: 'newsletter', entityId: n.ids['69']!, outboxId }));
    const state = (await n.call(n.staff.rhone, 'GET', url)).json();
    expect(state.current.newsletter).toMatchObject({ status: 'withdrawn', source: 'Lien de désinscription' });
    expect(state.history[0]).toMatchObject({ channel: 'newsletter', status: 'withdrawn', proof: `Courriel ${outboxId}` });
    expect(state.current.events).toBeNull();

    await withTransaction(n.database, { kind: 'system' }, (tx) => withdrawConsentFromLink(tx, { personId: newId(), list: 'events', entityId: n.ids['69']!, outboxId }));
  });
});
