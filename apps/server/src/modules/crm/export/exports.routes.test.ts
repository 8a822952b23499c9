import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId, withOwnerClient } from '../../../platform/db/index.js';
import { createUser, signIn, type SignedIn } from '../../../test/auth.js';
import { createSmallNetwork } from '../../../test/factories/entities.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { generateSiren } from '../identifiers/siren.js';

type Consent = ['granted' | 'withdrawn', string];

describe('exports API', () => {
  let t: TestApp;
  let ids: Record<string, string>;
  let national: SignedIn;
  let rhone: SignedIn;
  let paris: SignedIn;
  let viewer: SignedIn;
  const organizationIds: Record<string, string> = {};

  const get = (who: SignedIn, url: string) => t.app.inject({ method: 'GET', url, headers: who.headers() });
  /** Data lines of a French CSV export, split into cells (no quoted cells in these fixtures). */
  const csvLines = (body: string) => body.replace(/^\uFEFF/, '').trim().split('\r\n').map((line) => line.split(';'));
  const lastNamesOf = (body: string) => csvLines(body).slice(1).map((cells) => cells[1]).sort();
  /** What the export audit events recorded, oldest first (the trail stores `{ field: { before, after } }`). */
  const exportEvents = async (action: string) => {
    const { rows } = await withOwnerClient(t.testDatabase.database, (client) =>
      client.query<{ changes: Record<string, { after: unknown }> }>(`SELECT changes FROM audit_events WHERE action = $1 ORDER BY id`, [action]),
    );
    return rows.map((row) => Object.fromEntries(Object.entries(row.changes).map(([field, change]) => [field, change.after])));
  };

  beforeAll(async () => {
    t = await createTestApp();
    const database = t.testDatabase.database;
    ids = (await createSmallNetwork(database)).ids;
    await withOwnerClient(database, async (client) => {
      const company = async (key: string, name: string, departement: string, linkedTo: string | null) => {
        organizationIds[key] = newId();
        await client.query(`INSERT INTO organizations (id, siren, name, postal_code, departement_code) VALUES ($1, $2, $3, $4, $5)`, [
          organizationIds[key],
          generateSiren(Object.keys(organizationIds).length + 900),
          name,
          departement === '69' ? '69001' : '75001',
          departement,
        ]);
        if (linkedTo) {
          await client.query(`INSERT INTO organization_links (id, organization_id, entity_id, status, attached_by) VALUES ($1, $2, $3, 'member', 'manual')`, [
            newId(),
            organizationIds[key],
            linkedTo,
          ]);
        }
      };
      await company('soierie', 'Soierie du Rhône', '69', ids['69']!);
      await company('bouchon', 'Bouchon lyonnais', '69', null);
      await company('bistrot', 'Bistrot parisien', '75', ids['75']!);

      const person = async (entity: string, lastName: string, consents: Consent[], options: { anonymized?: boolean; organization?: string } = {}) => {
        const id = newId();
        await client.query(`INSERT INTO persons (id, entity_id, first_name, last_name, phone, anonymized_at) VALUES ($1, $2, 'Camille', $3, '+33478000000', $4)`, [
          id,
          ids[entity],
          lastName,
          options.anonymized ? new Date() : null,
        ]);
        await client.query(`INSERT INTO person_emails (id, entity_id, person_id, email, is_primary) VALUES ($1, $2, $3, $4, true)`, [
          newId(),
          ids[entity],
          id,
          `${lastName.toLowerCase()}@exemple.fr`,
        ]);
        for (const [status, at] of consents) {
          await client.query(
            `INSERT INTO person_consents (id, entity_id, person_id, channel, status, source, recorded_at) VALUES ($1, $2, $3, 'newsletter', $4, 'formulaire', $5)`,
            [newId(), ids[entity], id, status, at],
          );
        }
        if (options.organization) {
          await client.query(`INSERT INTO affiliations (id, entity_id, person_id, organization_id, role, is_primary) VALUES ($1, $2, $3, $4, 'dirigeant', true)`, [
            newId(),
            ids[entity],
            id,
            organizationIds[options.organization],
          ]);
        }
      };
      await person('69', 'Abeille', [['granted', '2025-01-01T00:00:00Z']], { organization: 'soierie' });
      await person('69', 'Blanc', [['granted', '2025-01-01T00:00:00Z'], ['withdrawn', '2025-06-01T00:00:00Z']]);
      await person('69', 'Chevalier', []);
      await person('69', 'Dumas', [['withdrawn', '2025-01-01T00:00:00Z'], ['granted', '2025-06-01T00:00:00Z']]);
      await person('69', 'Effacé', [['granted', '2025-01-01T00:00:00Z']], { anonymized: true });
      // A newsletter consent means nothing for events: only the newsletter channel counts for marketing.
      await person('75', 'Fournier', [['granted', '2025-01-01T00:00:00Z']]);
      await client.query(
        `INSERT INTO person_consents (id, entity_id, person_id, channel, status, source) SELECT $1, entity_id, id, 'events', 'withdrawn', 'appel' FROM persons WHERE last_name = 'Fournier'`,
        [newId()],
      );
    });
    await createUser(t, { email: 'manager.fr@export.test', roleCode: 'manager', entityId: ids.FR! });
    await createUser(t, { email: 'manager.69@export.test', roleCode: 'manager', entityId: ids['69']! });
    await createUser(t, { email: 'manager.75@export.test', roleCode: 'manager', entityId: ids['75']! });
    await createUser(t, { email: 'viewer.69@export.test', roleCode: 'viewer', entityId: ids['69']! });
    national = await signIn(t.app, 'manager.fr@export.test');
    rhone = await signIn(t.app, 'manager.69@export.test');
    paris = await signIn(t.app, 'manager.75@export.test');
    viewer = await signIn(t.app, 'viewer.69@export.test');
  });
  afterAll(() => t?.close());

  it('exports for marketing only the contacts whose current newsletter consent is granted, in French Excel CSV', async () => {
    const response = await get(rhone, '/api/v1/exports/persons.csv?purpose=marketing');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="contacts-marketing-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(response.body.startsWith('\uFEFFCivilité;Nom;Prénom;E-mail;Téléphone;Fonction;Entreprise;SIREN;Consentement newsletter;')).toBe(true);
    expect(lastNamesOf(response.body)).toEqual(['Abeille', 'Dumas']);
    const abeille = csvLines(response.body).find((cells) => cells[1] === 'Abeille')!;
    expect(abeille.slice(2, 9)).toEqual(['Camille', 'abeille@exemple.fr', '+33478000000', '', 'Soierie du Rhône', expect.stringMatching(/^\d{9}$/), 'Oui']);

    expect((await exportEvents('crm.person_list.exported')).at(-1)).toMatchObject({ purpose: 'marketing', format: 'csv', rowCount: 2, completed: true });
  });

  it('exports every non-anonymised contact of the caller’s scope for internal use, with the persons list filters', async () => {
    expect(lastNamesOf((await get(rhone, '/api/v1/exports/persons.csv?purpose=internal')).body)).toEqual(['Abeille', 'Blanc', 'Chevalier', 'Dumas']);
    expect(lastNamesOf((await get(paris, '/api/v1/exports/persons.csv?purpose=internal')).body)).toEqual(['Fournier']);
    expect(lastNamesOf((await get(paris, '/api/v1/exports/persons.csv?purpose=marketing')).body)).toEqual(['Fournier']);
    expect(lastNamesOf((await get(national, '/api/v1/exports/persons.csv?purpose=internal')).body)).toEqual(['Abeille', 'Blanc', 'Chevalier', 'Dumas', 'Fournier']);
    const filtered = await get(rhone, `/api/v1/exports/persons.csv?purpose=internal&filter[organizationId]=${organizationIds.soierie}`);
    expect(lastNamesOf(filtered.body)).toEqual(['Abeille']);
    expect(lastNamesOf((await get(paris, `/api/v1/exports/persons.csv?purpose=internal&filter[organizationId]=${organizationIds.soierie}`)).body)).toEqual([]);
  });

  it('writes the same rows as an XLSX workbook', async () => {
    const response = await get(rhone, '/api/v1/exports/persons.xlsx?purpose=marketing');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const names: string[] = [];
    sheet.eachRow((row, number) => number > 1 && names.push(String(row.getCell(2).value)));
    expect(sheet.getRow(1).getCell(1).value).toBe('Civilité');
    expect(names.sort()).toEqual(['Abeille', 'Dumas']);
  });

  it('exports companies with the list filters; status and tags are those of the caller’s own links', async () => {
    const response = await get(rhone, '/api/v1/exports/organizations.csv?filter[departementCode]=69&sort=name');
    expect(response.statusCode).toBe(200);
    const lines = csvLines(response.body);
    expect(lines[0]!.slice(0, 3)).toEqual(['SIREN', 'Raison sociale', 'Dénomination légale']);
    expect(lines.slice(1).map((cells) => [cells[1], cells[14]])).toEqual([
      ['Bouchon lyonnais', ''],
      ['Soierie du Rhône', 'member'],
    ]);
    // Paris sees the public identities too, but none of the Rhône's relations.
    const fromParis = csvLines((await get(paris, '/api/v1/exports/organizations.csv?filter[departementCode]=69')).body);
    expect(fromParis.slice(1).map((cells) => cells[14])).toEqual(['', '']);
    const xlsx = await get(national, '/api/v1/exports/organizations.xlsx');
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]!.rowCount).toBe(4);
    expect(await exportEvents('crm.organization.exported')).toEqual([
      expect.objectContaining({ format: 'csv', rowCount: 2, filters: [{ field: 'departementCode', operator: 'eq', value: '69' }] }),
      expect.objectContaining({ format: 'csv', rowCount: 2 }),
      expect.objectContaining({ format: 'xlsx', rowCount: 3, completed: true }),
    ]);
  });

  it('exports a saved segment through its list filter, within the caller’s segment scope', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/segments',
      headers: rhone.headers('POST'),
      payload: { name: 'Adhérents du Rhône', target: 'persons', filter: { 'filter[organizationId]': organizationIds.soierie } },
    });
    expect(created.statusCode).toBe(201);
    const segmentId = created.json<{ id: string }>().id;
    const response = await get(rhone, `/api/v1/exports/persons.csv?purpose=internal&segment=${segmentId}`);
    expect(response.statusCode).toBe(200);
    expect(lastNamesOf(response.body)).toEqual(['Abeille']);
    expect((await exportEvents('crm.person_list.exported')).at(-1)).toMatchObject({ segmentId, rowCount: 1 });

    expect((await get(paris, `/api/v1/exports/persons.csv?purpose=internal&segment=${segmentId}`)).statusCode).toBe(404);
    const wrongTarget = await get(rhone, `/api/v1/exports/organizations.csv?segment=${segmentId}`);
    expect(wrongTarget.statusCode).toBe(422);
    expect(wrongTarget.json().errors[0]).toMatchObject({ pointer: '/segment', message: expect.stringContaining('contacts') });
    const both = await get(rhone, `/api/v1/exports/persons.csv?purpose=internal&segment=${segmentId}&filter[name][contains]=a`);
    expect(both.statusCode).toBe(400);
  });

  it('refuses callers without the export permission and a persons export without a purpose', async () => {
    expect((await get(viewer, '/api/v1/exports/persons.csv?purpose=internal')).statusCode).toBe(403);
    expect((await get(viewer, '/api/v1/exports/organizations.csv')).statusCode).toBe(403);
    const noPurpose = await get(rhone, '/api/v1/exports/persons.csv');
    expect(noPurpose.statusCode).toBe(400);
  });
});
