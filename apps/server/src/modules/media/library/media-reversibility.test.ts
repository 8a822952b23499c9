import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FieldCipher } from '../../../platform/crypto/index.js';
import { withOwnerClient, withTransaction } from '../../../platform/db/index.js';
import { sha256File } from '../../../platform/ops/archive-files.js';
import { exportEntity } from '../../../platform/ops/reversibility/export-entity.js';
import { importEntityExport } from '../../../platform/ops/reversibility/import-entity.js';
import { createTestDatabase, type TestDatabase } from '../../../test/test-database.js';
import { recordMediaUsage } from '../index.js';
import type { MediaFile } from './media.schema.js';
import { createMediaTestNetwork, type MediaTestNetwork } from '../../../test/factories/media.js';
import { jpegWithGps, smallPdf, smallPng } from '../../../test/factories/media-samples.js';

const cipher = () => new FieldCipher([{ id: 'k', key: randomBytes(32) }], randomBytes(32));

/** Uploaded media are files of their entity under DATA_DIR/media/<entity id>/: the entity export carries them. */
describe('media in the reversibility export', () => {
  let n: MediaTestNetwork;
  let target: TestDatabase;
  let workDir: string;
  let photo: MediaFile;
  let pdf: MediaFile;
  let parisLogo: MediaFile;

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'maillage-media-export-'));
    n = await createMediaTestNetwork('media-export');
    // An empty instance: migrated, no rows.
    target = await createTestDatabase({ migrated: true });
    photo = (await n.upload(n.staff.rhone, { name: 'photo.jpg', content: await jpegWithGps(700, 500) }, { alt: 'Une photo' })).json<MediaFile>();
    pdf = (await n.upload(n.staff.rhone, { name: 'statuts.pdf', content: await smallPdf() })).json<MediaFile>();
    parisLogo = (await n.upload(n.staff.paris, { name: 'paris.png', content: await smallPng(40, 40) })).json<MediaFile>();
    await withTransaction(n.t.testDatabase.database, { kind: 'entities', entityRoots: [n.ids['69']!], userId: null }, (tx) =>
      recordMediaUsage(tx, { mediaId: photo.id, usedBy: { kind: 'cms.content', id: '0190a000-0000-7000-8000-0000000000e1' } }),
    );
  }, 180_000);
  afterAll(async () => {
    await n?.close();
    await target?.drop();
    await rm(workDir, { recursive: true, force: true });
  });

  it("exports the branch's media rows and files, never another branch's, and imports them back intact", async () => {
    const rhone = n.ids['69']!;
    const manifest = await exportEntity(n.t.testDatabase.database, { entityCode: '69', outputDir: join(workDir, 'export'), dataDir: n.dataDir, cipher: cipher(), encryptedColumns: [] });
    expect(manifest.tables.find((t) => t.name === 'media_files')).toMatchObject({ rows: 2 });
    expect(manifest.tables.find((t) => t.name === 'media_variants')).toMatchObject({ rows: 2 });
    expect(manifest.tables.find((t) => t.name === 'media_usages')).toMatchObject({ rows: 1 });
    expect(manifest.media.map((m) => m.path).sort()).toEqual(
      [`media/${rhone}/${photo.id}/original.jpg`, `media/${rhone}/${photo.id}/w320.webp`, `media/${rhone}/${photo.id}/w640.webp`, `media/${rhone}/${pdf.id}/original.pdf`].sort(),
    );
    expect(manifest.media.some((m) => m.path.includes(parisLogo.id))).toBe(false);
    expect(manifest.media.find((m) => m.path.endsWith(`${photo.id}/original.jpg`))!.sha256).toBe(photo.sha256);

    const targetData = join(workDir, 'target-data');
    await importEntityExport(target.database, { inputDir: join(workDir, 'export'), dataDir: targetData, cipher: cipher() });
    const rows = await withOwnerClient(target.database, (client) => client.query<{ id: string; storage_key: string; sha256: string }>('SELECT id, storage_key, sha256 FROM media_files ORDER BY id'));
    expect(rows.rows.map((row) => row.id)).toEqual([photo.id, pdf.id].sort());
    for (const row of rows.rows) expect(await sha256File(join(targetData, 'media', row.storage_key))).toBe(row.sha256);
  });
});
