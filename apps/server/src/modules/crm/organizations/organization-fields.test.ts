import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../platform/http/errors.js';
import { generateSiren } from '../identifiers/siren.js';
import { fieldsFromCreation, fieldsFromPatch } from './organization-fields.js';
import type { OrganizationIdentity } from './organizations.schema.js';

const lyon: OrganizationIdentity = {
  id: '01900000-0000-7000-8000-000000000001',
  siren: generateSiren(1),
  name: 'Boulangerie Dupont',
  legalName: null,
  nafCode: '10.71C',
  nafVersion: 'NAF_REV2',
  legalForm: null,
  headcountBand: null,
  address: { street: '12 rue Mercière', postalCode: '69002', communeInsee: '69382', communeName: 'Lyon 2e Arrondissement', departementCode: '69' },
  website: null,
  phone: null,
  version: 1,
  createdAt: '2026-11-29T00:00:00.000Z',
  updatedAt: '2026-11-29T00:00:00.000Z',
};

function errorsOf(action: () => unknown) {
  try {
    action();
  } catch (error) {
    if (error instanceof ValidationError) return error.errors;
    throw error;
  }
  return [];
}

describe('organization fields', () => {
  it('normalises a creation: SIREN without spaces, NAF display form and version, commune from the postal code', () => {
    const { siren, fields } = fieldsFromCreation({ siren: ` ${generateSiren(2).replace(/(\d{3})/g, '$1 ')}`, name: '  Garage  ', nafCode: '4520a', address: { postalCode: '20090' } });
    expect(siren).toBe(generateSiren(2));
    expect(fields).toMatchObject({ name: 'Garage', nafCode: '45.20A', nafVersion: 'NAF_REV2', communeInsee: '2A004', departementCode: '2A' });
  });

  it('re-resolves the commune when the postal code changes, forgetting the former commune name', () => {
    const fields = fieldsFromPatch(lyon, { address: { postalCode: '69003' } });
    expect(fields).toMatchObject({ street: '12 rue Mercière', postalCode: '69003', communeInsee: '69383', departementCode: '69' });
  });

  it('clears the whole address with null, and the NAF version with the code', () => {
    expect(fieldsFromPatch(lyon, { address: null, nafCode: null })).toMatchObject({
      street: null,
      postalCode: null,
      communeInsee: null,
      departementCode: null,
      nafCode: null,
      nafVersion: null,
    });
  });

  it('reads a phone in the territory of the address', () => {
    const reunion = { ...lyon, address: { ...lyon.address, postalCode: '97400', communeInsee: '97411', communeName: 'Saint-Denis', departementCode: '974' } };
    expect(fieldsFromPatch(reunion, { phone: '0692 12 34 56' }).phone).toBe('+262692123456');
  });

  it('reports every broken rule with its pointer', () => {
    expect(errorsOf(() => fieldsFromPatch(lyon, { nafCode: 'abc', phone: 'standard', address: { postalCode: '20000' } })).map((e) => e.pointer)).toEqual([
      '/nafCode',
      '/address/communeName',
      '/phone',
    ]);
  });
});
