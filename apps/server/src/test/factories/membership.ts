import { newId, withOwnerClient, type Database } from '../../platform/db/index.js';
import { generateSiren } from '../../modules/crm/index.js';
import { createCrmTestNetwork, type CrmTestNetwork } from './crm-network.js';

/** The CRM test network where the Rhône (69) and Paris (75) unions have the legal identity invoices print. */
export async function createInvoicingTestNetwork(prefix: string): Promise<CrmTestNetwork> {
  const network = await createCrmTestNetwork(prefix);
  await withOwnerClient(network.database, async (client) => {
    const identities: Array<[string, string, string, string, string]> = [
      ['69', '775663438', '12 rue de la République', '69002', 'Lyon'],
      ['75', '784824153', '8 avenue de l\'Opéra', '75001', 'Paris'],
    ];
    for (const [code, siren, street, postalCode, city] of identities) {
      await client.query('UPDATE entities SET siren = $2, legal_name = name, address_line = $3, postal_code = $4, city = $5 WHERE id = $1', [
        network.ids[code],
        siren,
        street,
        postalCode,
        city,
      ]);
    }
  });
  return network;
}

let companySeed = 910_000;

/** A CRM company (network-wide record) to invoice, inserted as the owner. */
export async function insertCompany(database: Database, name: string, city = 'Lyon', postalCode = '69003'): Promise<string> {
  const id = newId();
  await withOwnerClient(database, (client) =>
    client.query('INSERT INTO organizations (id, siren, name, street, postal_code, commune_name) VALUES ($1, $2, $3, $4, $5, $6)', [
      id,
      generateSiren(companySeed++),
      name,
      '3 place Bellecour',
      postalCode,
      city,
    ]),
  );
  return id;
}
