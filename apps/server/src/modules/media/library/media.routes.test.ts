import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTransaction } from '../../../platform/db/index.js';
import type { MediaFile, MediaUsage } from './media.schema.js';
import { readMediaSummary, recordMediaUsage, releaseMediaUsage, storeFile } from '../index.js';
import { createMediaTestNetwork, type MediaTestNetwork } from '../../../test/factories/media.js';
import { HTML_PAGE, jpegWithGps, smallPdf, smallPng, SVG_IMAGE, windowsProgram } from '../../../test/factories/media-samples.js';

const MAX_BYTES = 256 * 1024;

describe('media library API', () => {
  let n: MediaTestNetwork;
  let photo: MediaFile;

  beforeAll(async () => {
    n = await createMediaTestNetwork('media-api', { MEDIA_MAX_BYTES: String(MAX_BYTES) });
  }, 120_000);
  afterAll(async () => n?.close());

  const scopeOf = (entityId: string, userId: string) => ({ kind: 'entities' as const, entityRoots: [entityId], userId });

  it('uploads a JPEG: sniffed type, size, WebP variants up to its width, EXIF (GPS) stripped everywhere', async () => {
    const original = await jpegWithGps(1800, 1200);
    expect((await sharp(original).metadata()).exif).toBeDefined();
    // The declared type lies (text/plain); the content decides.
    const response = await n.upload(n.staff.rhone, { name: 'Assemblée générale.jpg', content: original, type: 'text/plain' }, { title: 'AG 2026' });
    expect(response.statusCode, response.body).toBe(201);
    photo = response.json<MediaFile>();
    expect(response.headers.location).toBe(`/api/v1/media/${photo.id}`);
    expect(response.headers.etag).toBe('"1"');
    expect(photo).toMatchObject({ entityId: n.ids['69'], kind: 'image', mimeType: 'image/jpeg', width: 1800, height: 1200, alt: null, title: 'AG 2026', originalFilename: 'Assemblée générale.jpg' });
    expect(photo.variants.map((v) => v.width)).toEqual([320, 640, 1024, 1600]);

    const master = await n.t.app.inject({ method: 'GET', url: photo.url });
    expect(master.statusCode).toBe(200);
    expect(master.headers['content-type']).toBe('image/jpeg');
    expect(master.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(master.headers['content-disposition']).toContain('inline');
    const masterMeta = await sharp(master.rawPayload).metadata();
    expect(masterMeta.exif).toBeUndefined();
    expect(master.rawPayload.includes(Buffer.from('TestPhone'))).toBe(false);
    expect(masterMeta.width).toBe(1800);

    for (const variant of photo.variants) {
      const served = await n.t.app.inject({ method: 'GET', url: variant.url });
      expect(served.statusCode).toBe(200);
      expect(served.headers['content-type']).toBe('image/webp');
      const meta = await sharp(served.rawPayload).metadata();
      expect(meta).toMatchObject({ format: 'webp', width: variant.width, height: Math.round((variant.width * 1200) / 1800) });
      expect(meta.exif).toBeUndefined();
    }
    // Files live under DATA_DIR/media/<entity id>/, where the backup and the entity export look.
    const files = await readdir(join(n.dataDir, 'media', n.ids['69']!, photo.id));
    expect(files.sort()).toEqual(['original.jpg', 'w1024.webp', 'w1600.webp', 'w320.webp', 'w640.webp']);
  });

  it('serves public files with an ETag and answers 304 to If-None-Match', async () => {
    const first = await n.t.app.inject({ method: 'GET', url: photo.variants[0]!.url });
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^".+"$/);
    const again = await n.t.app.inject({ method: 'GET', url: photo.variants[0]!.url, headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const head = await n.t.app.inject({ method: 'HEAD', url: photo.url });
    expect(head.statusCode).toBe(200);
    expect(head.headers['content-length']).toBe(String(photo.byteSize));
    expect((await n.t.app.inject({ method: 'GET', url: `/media/${photo.id}/777` })).statusCode).toBe(404);
    expect((await n.t.app.inject({ method: 'GET', url: '/media/0190a000-0000-7000-8000-000000000000' })).statusCode).toBe(404);
  });

  it('never upscales: a small PNG gets one variant at its own width', async () => {
    const response = await n.upload(n.staff.rhone, { name: 'logo.png', content: await smallPng(200, 100) });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json<MediaFile>()).toMatchObject({ mimeType: 'image/png', width: 200, height: 100, variants: [expect.objectContaining({ width: 200, height: 100 })] });
  });

  it('accepts a PDF and a UTF-8 CSV as files, served as downloads or inline', async () => {
    const pdf = await n.upload(n.staff.rhone, { name: 'statuts.pdf', content: await smallPdf() });
    expect(pdf.statusCode, pdf.body).toBe(201);
    expect(pdf.json<MediaFile>()).toMatchObject({ kind: 'file', mimeType: 'application/pdf', width: null, variants: [] });
    const csv = await n.upload(n.staff.rhone, { name: 'adhérents.csv', content: Buffer.from('nom;ville\nDurand;Lyon\n') });
    expect(csv.statusCode, csv.body).toBe(201);
    const served = await n.t.app.inject({ method: 'GET', url: csv.json<MediaFile>().url });
    expect(served.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(served.headers['content-disposition']).toMatch(/^attachment; filename="adherents.csv"; filename\*=UTF-8''adh%C3%A9rents.csv$/);
  });

  it.each([
    ['an HTML page named .jpg', 'photo.jpg', HTML_PAGE, 415, 'media_markup_refused'],
    ['an SVG with a script named .png', 'logo.png', SVG_IMAGE, 415, 'media_markup_refused'],
    ['a Windows program named .pdf', 'facture.pdf', windowsProgram(), 415, 'media_type_not_allowed'],
    ['random bytes named .docx', 'rapport.docx', Buffer.from([0, 1, 2, 3, 4, 5, 0xff, 0xfe, 0, 0]), 415, 'media_type_not_allowed'],
  ])('refuses %s (%s) with a French message', async (_label, name, content, status, code) => {
    const response = await n.upload(n.staff.rhone, { name, content, type: 'image/jpeg' });
    expect(response.statusCode, response.body).toBe(status);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const problem = response.json<{ code: string; detail: string; errors: Array<{ pointer: string }> }>();
    expect(problem.code).toBe(code);
    expect(problem.errors[0]!.pointer).toBe('/file');
    expect(problem.detail).toMatch(/accepté|ne sont pas acceptés/);
  });

  it('refuses a real image whose extension announces another format (422)', async () => {
    const response = await n.upload(n.staff.rhone, { name: 'compte-rendu.pdf', content: await smallPng(50, 50) });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'media_extension_mismatch', detail: expect.stringContaining('image PNG') });
  });

  it('answers 413 problem+json beyond MEDIA_MAX_BYTES, and stores nothing', async () => {
    const before = await n.call(n.staff.rhone, 'GET', '/api/v1/media?count=exact');
    const response = await n.upload(n.staff.rhone, { name: 'énorme.pdf', content: Buffer.alloc(MAX_BYTES + 1, 0x25) });
    expect(response.statusCode).toBe(413);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ code: 'media_too_large', detail: 'Le fichier dépasse la taille maximale acceptée (0,3 Mo).' });
    const after = await n.call(n.staff.rhone, 'GET', '/api/v1/media?count=exact');
    expect(after.json<{ count: number }>().count).toBe(before.json<{ count: number }>().count);
  });

  it('lists with filters and search in the file name, title and alt text', async () => {
    const images = (await n.call(n.staff.rhone, 'GET', '/api/v1/media?filter[kind]=image')).json<{ items: MediaFile[] }>();
    expect(images.items.every((item) => item.kind === 'image')).toBe(true);
    expect(images.items.map((item) => item.id)).toContain(photo.id);
    const found = (await n.call(n.staff.rhone, 'GET', `/api/v1/media?q=${encodeURIComponent('ag 2026')}`)).json<{ items: MediaFile[] }>();
    expect(found.items.map((item) => item.id)).toEqual([photo.id]);
    const byName = (await n.call(n.staff.rhone, 'GET', `/api/v1/media?q=${encodeURIComponent('Assemblée')}`)).json<{ items: MediaFile[] }>();
    expect(byName.items.map((item) => item.id)).toEqual([photo.id]);
  });

  it('lets a CMS editor upload, list and describe files of their entity (pages need images)', async () => {
    const upload = await n.upload(n.staff.rhoneEditor, { name: 'bandeau.png', content: await smallPng(64, 32) }, { alt: 'Bandeau de la page' });
    expect(upload.statusCode, upload.body).toBe(201);
    const file = upload.json<MediaFile>();
    expect(file.entityId).toBe(n.ids['69']);
    const list = (await n.call(n.staff.rhoneEditor, 'GET', '/api/v1/media?filter[kind]=image')).json<{ items: MediaFile[] }>();
    expect(list.items.map((item) => item.id)).toEqual(expect.arrayContaining([file.id, photo.id]));
    const described = await n.call(n.staff.rhoneEditor, 'PATCH', `/api/v1/media/${file.id}`, { title: 'Bandeau' }, { 'if-match': '"1"' });
    expect(described.statusCode, described.body).toBe(200);
  });

  it('refuses to record a usage of an image without alt text; PATCH sets it with If-Match', async () => {
    const usedBy = { kind: 'cms.content', id: '0190a000-0000-7000-8000-0000000000c1' };
    const refusal = withTransaction(n.t.testDatabase.database, scopeOf(n.ids['69']!, n.staff.rhone.userId), (tx) => recordMediaUsage(tx, { mediaId: photo.id, usedBy }));
    await expect(refusal).rejects.toMatchObject({ code: 'media_alt_required', status: 422 });

    expect((await n.call(n.staff.rhone, 'PATCH', `/api/v1/media/${photo.id}`, { alt: 'Salle comble' })).statusCode).toBe(428);
    expect((await n.call(n.staff.rhone, 'PATCH', `/api/v1/media/${photo.id}`, { alt: 'Salle comble' }, { 'if-match': '"9"' })).statusCode).toBe(412);
    const patched = await n.call(n.staff.rhone, 'PATCH', `/api/v1/media/${photo.id}`, { alt: 'La salle comble pendant l’assemblée générale' }, { 'if-match': '"1"' });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.headers.etag).toBe('"2"');
    photo = patched.json<MediaFile>();
    expect(photo.alt).toBe('La salle comble pendant l’assemblée générale');
  });

  it('refuses delete while used (409 listing the users), then allows it once released', async () => {
    const usedBy = { kind: 'cms.content', id: '0190a000-0000-7000-8000-0000000000c2' };
    const database = n.t.testDatabase.database;
    await withTransaction(database, scopeOf(n.ids['69']!, n.staff.rhone.userId), async (tx) => {
      await recordMediaUsage(tx, { mediaId: photo.id, usedBy });
      await recordMediaUsage(tx, { mediaId: photo.id, usedBy }); // idempotent
    });
    const usages = await n.call(n.staff.rhone, 'GET', `/api/v1/media/${photo.id}/usages`);
    expect(usages.json<{ items: MediaUsage[] }>().items).toEqual([expect.objectContaining({ mediaId: photo.id, usedBy, entityId: n.ids['69'] })]);

    const clearAlt = await n.call(n.staff.rhone, 'PATCH', `/api/v1/media/${photo.id}`, { alt: null }, { 'if-match': '"2"' });
    expect(clearAlt.statusCode).toBe(409);

    const refused = await n.call(n.staff.rhone, 'DELETE', `/api/v1/media/${photo.id}`, undefined, { 'if-match': '"2"' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'media_in_use', errors: [{ pointer: '/usages/0', message: `cms.content ${usedBy.id}` }] });

    const [summary] = await withTransaction(database, { kind: 'system' }, (tx) => readMediaSummary(tx, [photo.id]));
    expect(summary).toMatchObject({ id: photo.id, entityId: n.ids['69'], kind: 'image', mimeType: 'image/jpeg', alt: photo.alt, url: `/media/${photo.id}` });
    expect(summary!.variants.map((v) => v.url)).toEqual([320, 640, 1024, 1600].map((w) => `/media/${photo.id}/${w}`));

    const released = await withTransaction(database, scopeOf(n.ids['69']!, n.staff.rhone.userId), (tx) => releaseMediaUsage(tx, { usedBy }));
    expect(released).toBe(1);
    const deleted = await n.call(n.staff.rhone, 'DELETE', `/api/v1/media/${photo.id}`, undefined, { 'if-match': '"2"' });
    expect(deleted.statusCode, deleted.body).toBe(204);
    expect((await n.call(n.staff.rhone, 'GET', `/api/v1/media/${photo.id}`)).statusCode).toBe(404);
    expect((await n.t.app.inject({ method: 'GET', url: photo.url })).statusCode).toBe(404);
    expect(existsSync(join(n.dataDir, 'media', n.ids['69']!, photo.id, 'original.jpg'))).toBe(false);
    expect(existsSync(join(n.dataDir, 'media', n.ids['69']!, photo.id, 'w320.webp'))).toBe(false);
  });

  it('isolates branches: a Paris manager can neither see nor change Rhône media', async () => {
    const rhoneFile = (await n.upload(n.staff.rhone, { name: 'rhone.png', content: await smallPng(64, 64) }, { alt: 'Logo du Rhône' })).json<MediaFile>();
    const parisFile = (await n.upload(n.staff.paris, { name: 'paris.png', content: await smallPng(64, 64) }, { alt: 'Logo de Paris' })).json<MediaFile>();
    expect(parisFile.entityId).toBe(n.ids['75']);

    const parisList = (await n.call(n.staff.paris, 'GET', '/api/v1/media')).json<{ items: MediaFile[] }>();
    expect(parisList.items.map((item) => item.id)).toEqual([parisFile.id]);
    const rhoneList = (await n.call(n.staff.rhone, 'GET', '/api/v1/media')).json<{ items: MediaFile[] }>();
    expect(rhoneList.items.map((item) => item.id)).not.toContain(parisFile.id);
    // The national office sees both subtrees.
    const national = (await n.call(n.staff.national, 'GET', '/api/v1/media')).json<{ items: MediaFile[] }>();
    expect(national.items.map((item) => item.id)).toEqual(expect.arrayContaining([rhoneFile.id, parisFile.id]));

    for (const [method, url, payload] of [
      ['GET', `/api/v1/media/${rhoneFile.id}`, undefined],
      ['GET', `/api/v1/media/${rhoneFile.id}/usages`, undefined],
      ['PATCH', `/api/v1/media/${rhoneFile.id}`, { title: 'Pris par Paris' }],
      ['DELETE', `/api/v1/media/${rhoneFile.id}`, undefined],
    ] as const) {
      const response = await n.call(n.staff.paris, method, url, payload, { 'if-match': '*' });
      expect(response.statusCode, `${method} ${url}`).toBe(404);
    }
    const upload = await n.upload(n.staff.paris, { name: 'intrus.png', content: await smallPng(8, 8) }, { entityId: n.ids['69']! });
    expect(upload.statusCode).toBe(403);
    const viewer = await n.upload(n.staff.rhoneViewer, { name: 'vue.png', content: await smallPng(8, 8) });
    expect(viewer.statusCode).toBe(403);
    expect((await n.call(n.staff.rhoneViewer, 'GET', `/api/v1/media/${rhoneFile.id}`)).statusCode).toBe(200);

    // Usages: a Paris transaction cannot use a Rhône file, and readMediaSummary hides it.
    const parisScope = scopeOf(n.ids['75']!, n.staff.paris.userId);
    const usedBy = { kind: 'cms.content', id: '0190a000-0000-7000-8000-0000000000c3' };
    await expect(withTransaction(n.t.testDatabase.database, parisScope, (tx) => recordMediaUsage(tx, { mediaId: rhoneFile.id, usedBy }))).rejects.toMatchObject({ code: 'media_not_found' });
    expect(await withTransaction(n.t.testDatabase.database, parisScope, (tx) => readMediaSummary(tx, [rhoneFile.id, parisFile.id]))).toEqual([expect.objectContaining({ id: parisFile.id })]);
  });

  it('storeFile keeps an original for another module inside its transaction', async () => {
    const stored = await withTransaction(n.t.testDatabase.database, scopeOf(n.ids['69']!, n.staff.rhone.userId), async (tx) =>
      storeFile(tx, { dataDir: n.dataDir, media: { maxBytes: MAX_BYTES, s3: undefined } }, { entityId: n.ids['69']!, fileName: 'guide.pdf', content: await smallPdf(), createdBy: n.staff.rhone.userId }),
    );
    expect(stored).toMatchObject({ kind: 'file', mimeType: 'application/pdf', entityId: n.ids['69'] });
    expect(existsSync(join(n.dataDir, 'media', stored.storageKey))).toBe(true);
    const listed = await n.call(n.staff.rhone, 'GET', `/api/v1/media/${stored.id}`);
    expect(listed.statusCode).toBe(200);
  });
});
