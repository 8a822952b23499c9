import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FieldCipher } from '../../crypto/index.js';
import { newId, withOwnerClient } from '../../db/index.js';
import { createUser, signIn, type SignedIn } from '../../../test/auth.js';
import { createSmallNetwork } from '../../../test/factories/entities.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { unpackArchive } from '../archive-files.js';
import { runEntityExport } from './entity-export.job.js';
import { exportWorkDir } from './export-storage.js';
import type { EntityExport } from './entity-exports.schema.js';
import { ENTITY_EXPORT_RETENTION_DAYS, purgeEntityExports } from './purge-entity-exports.js';

describe('entity exports API (reversibility for administrators)', () => {
  let t: TestApp;
  let dataDir: string;
  let ids: Record<string, string>;
  let national: SignedIn;
  let rhone: SignedIn;
  let paris: SignedIn;
  let viewer: SignedIn;
  let rhoneAdminId: string;
  let completed: EntityExport;

  const call = (who: SignedIn, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: who.headers(method), ...(payload ? { payload } : {}) });
  const owner = <T>(sql: string, params: unknown[] = []) =>
    withOwnerClient(t.testDatabase.database, async (client) => (await client.query(sql, params)).rows as T[]);

  async function waitForExport(who: SignedIn, id: string, timeoutMs = 60_000): Promise<EntityExport> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const state = (await call(who, 'GET', `/api/v1/entity-exports/${id}`)).json<EntityExport>();
      if (state.status === 'completed' || state.status === 'failed') return state;
      if (Date.now() > deadline) throw new Error(`Export ${id} still ${state.status} after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'maillage-entity-exports-'));
    t = await createTestApp({ DATA_DIR: dataDir });
    ids = (await createSmallNetwork(t.testDatabase.database)).ids;
    await createUser(t, { email: 'admin.fr@exports.test', roleCode: 'national_admin', entityId: ids.FR! });
    rhoneAdminId = (await createUser(t, { email: 'admin.69@exports.test', roleCode: 'branch_admin', entityId: ids['69']! })).id;
    await createUser(t, { email: 'admin.75@exports.test', roleCode: 'branch_admin', entityId: ids['75']! });
    await createUser(t, { email: 'viewer.69@exports.test', roleCode: 'viewer', entityId: ids['69']! });
    national = await signIn(t.app, 'admin.fr@exports.test');
    rhone = await signIn(t.app, 'admin.69@exports.test');
    paris = await signIn(t.app, 'admin.75@exports.test');
    viewer = await signIn(t.app, 'viewer.69@exports.test');
    // One company followed by each branch, and a media file each: the Rhône archive must hold only Rhône's.
    for (const [code, siren, name] of [['69', '111111111', 'Fournil de Lyon'], ['75', '222222222', 'Atelier de Paris']] as const) {
      const organizationId = newId();
      await owner('INSERT INTO organizations (id, siren, name) VALUES ($1, $2, $3)', [organizationId, siren, name]);
      await owner(`INSERT INTO organization_links (id, organization_id, entity_id, status, attached_by) VALUES ($1, $2, $3, 'member', 'manual')`, [
        newId(),
        organizationId,
        ids[code],
      ]);
      await mkdir(join(dataDir, 'media', ids[code]!), { recursive: true });
      await writeFile(join(dataDir, 'media', ids[code]!, 'logo.png'), `logo of ${code}`);
    }
  });
  afterAll(async () => {
    await t?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('queues an export of a branch, runs it on the bus and describes the archive', async () => {
    const requested = await call(rhone, 'POST', '/api/v1/entity-exports', { entityId: ids['69'] });
    expect(requested.statusCode).toBe(202);
    const queued = requested.json<EntityExport>();
    expect(queued).toMatchObject({ entityId: ids['69'], status: 'queued', archiveUrl: null, requestedBy: rhoneAdminId });
    expect(requested.headers.location).toBe(`/api/v1/entity-exports/${queued.id}`);

    completed = await waitForExport(rhone, queued.id);
    expect(completed).toMatchObject({ status: 'completed', error: null, attempts: 1, archiveUrl: `/api/v1/entity-exports/${queued.id}/archive` });
    expect(completed.bytes).toBeGreaterThan(0);
    expect(completed.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(completed.summary).toMatchObject({ entityCode: '69', mediaFiles: 1 });
    expect(completed.summary!.tables).toBeGreaterThan(3);
    // Only the archive is kept on disk, not the unpacked copy.
    expect(existsSync(join(exportWorkDir(dataDir, queued.id), 'content'))).toBe(false);
  });

  it('streams the archive, which holds the manifest and only the branch rows and media, and audits the download', async () => {
    const response = await call(rhone, 'GET', completed.archiveUrl!);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/gzip');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="maillage-export-69-${completed.id}.tar.gz"`);
    expect(response.rawPayload.length).toBe(completed.bytes);
    expect(createHash('sha256').update(response.rawPayload).digest('hex')).toBe(completed.sha256);

    const workDir = await mkdtemp(join(tmpdir(), 'maillage-entity-export-unpacked-'));
    try {
      await writeFile(join(workDir, 'archive.tar.gz'), response.rawPayload);
      await mkdir(join(workDir, 'out'));
      await unpackArchive(join(workDir, 'archive.tar.gz'), join(workDir, 'out'));
      const manifest = JSON.parse(await readFile(join(workDir, 'out', 'manifest.json'), 'utf8')) as { format: string; entity: { id: string; code: string }; media: Array<{ path: string }> };
      expect(manifest).toMatchObject({ format: 'maillage-export', entity: { id: ids['69'], code: '69' } });
      expect(manifest.media.map((file) => file.path)).toEqual([`media/${ids['69']}/logo.png`]);
      const organizations = await readFile(join(workDir, 'out', 'tables', 'organizations.jsonl'), 'utf8');
      expect(organizations).toContain('Fournil de Lyon');
      expect(organizations).not.toContain('Atelier de Paris');
    } finally {
      await rm(workDir, { recursive: true, force: true });
    }

    const audit = await owner<{ action: string; actor_user_id: string | null; entity_id: string }>(
      `SELECT action, actor_user_id, entity_id FROM audit_events WHERE resource_id = $1 ORDER BY occurred_at, action`,
      [completed.id],
    );
    expect(audit.map((event) => event.action).sort()).toEqual(['platform.entity_export.completed', 'platform.entity_export.downloaded', 'platform.entity_export.requested']);
    expect(audit.find((event) => event.action === 'platform.entity_export.downloaded')).toMatchObject({ actor_user_id: rhoneAdminId, entity_id: ids['69'] });
  });

  it("hides another branch's exports and entities: 404, never 403", async () => {
    expect((await call(paris, 'POST', '/api/v1/entity-exports', { entityId: ids['69'] })).statusCode).toBe(404);
    // Above one's own branch is outside the scope too.
    expect((await call(rhone, 'POST', '/api/v1/entity-exports', { entityId: ids.R84 })).statusCode).toBe(404);
    expect((await call(rhone, 'POST', '/api/v1/entity-exports', { entityId: newId() })).json()).toMatchObject({ status: 404, detail: 'Structure introuvable ou hors de votre périmètre.' });
    expect((await call(paris, 'GET', `/api/v1/entity-exports/${completed.id}`)).statusCode).toBe(404);
    expect((await call(paris, 'GET', completed.archiveUrl!)).statusCode).toBe(404);
    // The national administrator sees every branch's exports.
    expect((await call(national, 'GET', `/api/v1/entity-exports/${completed.id}`)).json()).toMatchObject({ status: 'completed' });
    const listOf = async (who: SignedIn) => (await call(who, 'GET', '/api/v1/entity-exports')).json<{ items: EntityExport[] }>().items.map((item) => item.id);
    expect(await listOf(rhone)).toEqual([completed.id]);
    expect(await listOf(national)).toEqual([completed.id]);
    expect(await listOf(paris)).toEqual([]);
    expect(await owner(`SELECT 1 FROM audit_events WHERE resource_id = $1 AND action = 'platform.entity_export.downloaded'`, [completed.id])).toHaveLength(1);
  });

  it('refuses viewers (403), validates the body (422) and a download before completion (409)', async () => {
    expect((await call(viewer, 'POST', '/api/v1/entity-exports', { entityId: ids['69'] })).statusCode).toBe(403);
    expect((await call(viewer, 'GET', `/api/v1/entity-exports/${completed.id}`)).statusCode).toBe(403);
    const invalid = await call(rhone, 'POST', '/api/v1/entity-exports', { entityId: 'rhone' });
    expect(invalid.statusCode).toBe(422);
    expect(JSON.stringify(invalid.json())).toContain('/entityId');

    const pendingId = newId();
    await owner(`INSERT INTO entity_exports (id, entity_id, status) VALUES ($1, $2, 'queued')`, [pendingId, ids['69']]);
    expect((await call(rhone, 'GET', `/api/v1/entity-exports/${pendingId}/archive`)).json()).toMatchObject({ status: 409, code: 'entity_export_not_ready' });
  });

  it('purges archives and rows past the retention period, files first', async () => {
    const later = new Date(Date.now() + (ENTITY_EXPORT_RETENTION_DAYS + 1) * 86_400_000);
    expect(await purgeEntityExports({ database: t.testDatabase.database, dataDir }, later)).toBe(1);
    expect(existsSync(exportWorkDir(dataDir, completed.id))).toBe(false);
    expect(await owner('SELECT id FROM entity_exports WHERE id = $1', [completed.id])).toHaveLength(0);
    // Queued exports are kept whatever their age.
    expect(await owner(`SELECT id FROM entity_exports WHERE status = 'queued'`)).toHaveLength(1);
  });

  it('marks a failed attempt with a French reason, and a retry starts again from scratch', async () => {
    const exportId = newId();
    await owner(`INSERT INTO entity_exports (id, entity_id) VALUES ($1, $2)`, [exportId, ids['75']]);
    const cipher = new FieldCipher([{ id: 'test', key: randomBytes(32) }], randomBytes(32));
    // DATA_DIR/exports is a file here: the export cannot write its directory.
    const brokenDataDir = await mkdtemp(join(tmpdir(), 'maillage-entity-exports-broken-'));
    await writeFile(join(brokenDataDir, 'exports'), 'not a directory');
    try {
      await expect(runEntityExport({ database: t.testDatabase.database, dataDir: brokenDataDir, cipher }, exportId)).rejects.toThrow();
    } finally {
      await rm(brokenDataDir, { recursive: true, force: true });
    }
    const failed = (await call(national, 'GET', `/api/v1/entity-exports/${exportId}`)).json<EntityExport>();
    expect(failed).toMatchObject({ status: 'failed', attempts: 1, archiveUrl: null });
    expect(failed.error).toContain("L'export n'a pas pu être produit");

    await runEntityExport({ database: t.testDatabase.database, dataDir, cipher }, exportId);
    const retried = (await call(national, 'GET', `/api/v1/entity-exports/${exportId}`)).json<EntityExport>();
    expect(retried).toMatchObject({ status: 'completed', attempts: 2, error: null, summary: { entityCode: '75', mediaFiles: 1 } });
    // A completed export is left alone when its message is delivered again.
    await runEntityExport({ database: t.testDatabase.database, dataDir, cipher }, exportId);
    expect((await call(national, 'GET', `/api/v1/entity-exports/${exportId}`)).json()).toMatchObject({ attempts: 2 });
  });
});
