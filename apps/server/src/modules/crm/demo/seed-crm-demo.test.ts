import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withOwnerClient } from '../../../platform/db/index.js';
import { createUser, signIn } from '../../../test/auth.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { seedNetwork } from '../../entities/index.js';
import { parseNafCode } from '../classification/naf.js';
import { departementalUnionCode } from '../geography/departemental-union.js';
import { resolveCommune } from '../geography/resolve-commune.js';
import { parseSiren } from '../identifiers/siren.js';
import { generateCompany } from './company-generator.js';
import { communeSampler } from './demo-communes.js';
import { seedCrmDemo, type CrmDemoResult } from './seed-crm-demo.js';

describe('CRM demo data (small scale)', () => {
  let t: TestApp;
  let first: CrmDemoResult;
  let seconds: number;
  const rows = async <T extends object>(sql: string, values: unknown[] = []) =>
    withOwnerClient(t.testDatabase.database, async (client) => (await client.query<T & Record<string, unknown>>(sql, values)).rows);
  const count = async (table: string) => (await rows<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;

  beforeAll(async () => {
    t = await createTestApp();
    await seedNetwork(t.testDatabase.database);
    const started = performance.now();
    first = await seedCrmDemo(t.testDatabase.database, { scale: 'small' });
    seconds = (performance.now() - started) / 1000;
  });
  afterAll(() => t.close());

  it('creates 2,000 companies with their contacts and interactions, in seconds', async () => {
    expect(first.alreadyPresent).toBe(false);
    expect(first.created.companies).toBe(2_000);
    expect(await count('organizations')).toBe(2_000);
    // 1.6 contacts and 4 interactions per company on average (companies without a union have none).
    expect(first.created.contacts).toBeGreaterThan(2_900);
    expect(first.created.contacts).toBeLessThan(3_500);
    expect(first.created.interactions).toBeGreaterThan(7_200);
    expect(first.created.interactions).toBeLessThan(8_800);
    expect(await count('persons')).toBe(first.created.contacts);
    expect(await count('person_emails')).toBe(first.created.contacts);
    expect(await count('affiliations')).toBe(first.created.contacts);
    expect(await count('interactions')).toBe(first.created.interactions);
    expect(seconds).toBeLessThan(20);
  });

  it('gives every company a distinct valid SIREN and a NAF rév. 2 code', async () => {
    const companies = await rows<{ siren: string; naf_code: string; naf_version: string }>('SELECT siren, naf_code, naf_version FROM organizations');
    expect(new Set(companies.map((c) => c.siren)).size).toBe(companies.length);
    for (const company of companies) {
      expect(parseSiren(company.siren), company.siren).toMatchObject({ ok: true });
      expect(parseNafCode(company.naf_code), company.naf_code).toMatchObject({ ok: true });
      expect(company.naf_version).toBe('NAF_REV2');
    }
  });

  it('places companies in real communes of every département, with their real postal codes', async () => {
    const places = await rows<{ postal_code: string; commune_insee: string; commune_name: string; departement_code: string }>(
      'SELECT DISTINCT postal_code, commune_insee, commune_name, departement_code FROM organizations',
    );
    for (const place of places) {
      // What staff would type (postal code and commune name) finds exactly this commune.
      expect(resolveCommune(place.postal_code, place.commune_name), `${place.postal_code} ${place.commune_name}`).toMatchObject({
        ok: true,
        value: { inseeCode: place.commune_insee, departementCode: place.departement_code, matchedBy: 'exact' },
      });
    }
    const departements = new Set(places.map((place) => place.departement_code));
    expect([...departements].sort()).toEqual(communeSampler().departements);
    expect(departements).toContain('2A');
    expect(departements).toContain('976');
  });

  it("attaches each company to its département's union, and files its contacts and interactions there", async () => {
    const links = await rows<{ departement_code: string; code: string; attached_by: string }>(
      `SELECT o.departement_code, e.code, l.attached_by FROM organization_links l
       JOIN organizations o ON o.id = l.organization_id JOIN entities e ON e.id = l.entity_id`,
    );
    const unionless = (await rows<{ n: number }>(`SELECT count(*)::int AS n FROM organizations WHERE departement_code = '975'`))[0]!.n;
    expect(links).toHaveLength(2_000 - unionless);
    for (const link of links) {
      expect(link.code).toBe(departementalUnionCode(link.departement_code));
      expect(link.attached_by).toBe('derived');
    }
    const misfiled = await rows(
      `SELECT 1 FROM affiliations a JOIN persons p ON p.id = a.person_id JOIN organization_links l ON l.organization_id = a.organization_id
       WHERE l.entity_id <> a.entity_id OR p.entity_id <> a.entity_id
       UNION ALL
       SELECT 1 FROM interactions i JOIN organization_links l ON l.organization_id = i.organization_id WHERE l.entity_id <> i.entity_id`,
    );
    expect(misfiled).toEqual([]);
  });

  it('is deterministic: the same seed gives the same rows, another seed other rows', async () => {
    const stored = await rows<{ id: string; siren: string; name: string; postal_code: string }>(
      'SELECT id, siren, name, postal_code FROM organizations WHERE id = ANY($1::uuid[]) ORDER BY siren',
      [[0, 1, 2, 500, 1_999].map((index) => generateCompany(1, index).id)],
    );
    expect(stored).toHaveLength(5);
    const again = [0, 1, 2, 500, 1_999].map((index) => generateCompany(1, index));
    expect(stored).toEqual(
      again.map((c) => ({ id: c.id, siren: c.siren, name: c.name, postal_code: c.commune.postalCode })).sort((a, b) => a.siren.localeCompare(b.siren)),
    );
    const other = generateCompany(2, 0);
    expect(other.siren).not.toBe(generateCompany(1, 0).siren);
    expect(other.id).not.toBe(generateCompany(1, 0).id);
  });

  it('does not duplicate on a re-run, and completes a set that stopped halfway', async () => {
    expect(await seedCrmDemo(t.testDatabase.database, { scale: 'small' })).toMatchObject({ alreadyPresent: true, created: { companies: 0 } });
    const persons = await count('persons');
    // A run interrupted in its last batch: the last companies and their facets are missing.
    await rows('DELETE FROM organizations WHERE id = ANY($1::uuid[])', [[1_998, 1_999].map((index) => generateCompany(1, index).id)]);
    await rows('DELETE FROM persons WHERE id NOT IN (SELECT person_id FROM affiliations)');
    const resumed = await seedCrmDemo(t.testDatabase.database, { scale: 'small' });
    expect(resumed.created.companies).toBe(2);
    expect(await count('organizations')).toBe(2_000);
    expect(await count('persons')).toBe(persons);
  });

  it('serves the demo companies through the API, scoped: a Rhône manager finds a Lyon bakery and sees only Rhône links', async () => {
    const rhone = (await rows<{ id: string }>(`SELECT id FROM entities WHERE code = '69'`))[0]!.id;
    await createUser(t, { email: 'manager.69@demo.test', roleCode: 'manager', entityId: rhone });
    const manager = await signIn(t.app, 'manager.69@demo.test');
    const search = await t.app.inject({ url: '/api/v1/search/organizations?q=boulangerie%20lyon', headers: manager.headers() });
    expect(search.statusCode, search.body).toBe(200);
    expect(search.json().items[0]).toMatchObject({ name: expect.stringMatching(/^Boulangerie/), departementCode: '69' });
    const paris = (await rows<{ id: string }>(`SELECT id FROM organizations WHERE departement_code = '75' LIMIT 1`))[0]!.id;
    const read = await t.app.inject({ url: `/api/v1/organizations/${paris}`, headers: manager.headers() });
    expect(read.statusCode).toBe(200);
    expect(read.json().links).toEqual([]);
  });
});
