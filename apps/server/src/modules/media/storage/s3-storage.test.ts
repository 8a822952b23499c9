import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import type { MediaFile } from '../library/media.schema.js';
import { createMediaTestNetwork, type MediaTestNetwork } from '../../../test/factories/media.js';
import { startS3StandIn, type S3StandIn } from '../../../test/factories/s3-stand-in.js';
import { jpegWithGps } from '../../../test/factories/media-samples.js';
import { S3MediaStorage } from './s3-storage.js';

const BUCKET = 'maillage-media';
const KEYS = { accessKeyId: 'test-access-key', secretAccessKey: 'test-secret-key-0123456789' };

describe('S3-compatible storage against a local stand-in', () => {
  let store: S3StandIn;
  beforeAll(async () => {
    store = await startS3StandIn(BUCKET);
  });
  afterAll(async () => store?.close());

  it('round-trips an object: PUT, HEAD, GET, DELETE, path-style and signed', async () => {
    const storage = new S3MediaStorage({ bucket: BUCKET, endpoint: store.endpoint, region: 'us-east-1', forcePathStyle: true, ...KEYS });
    try {
      const key = '0190a000-0000-7000-8000-000000000001/0190a000-0000-7000-8000-000000000002/original.pdf';
      const content = Buffer.from('%PDF-1.7 contenu de test');
      expect(await storage.exists(key)).toBe(false);
      await storage.put(key, content, 'application/pdf');
      expect(store.objects.get(`${BUCKET}/${key}`)).toEqual({ content, contentType: 'application/pdf' });
      expect(await storage.exists(key)).toBe(true);
      const stream = await storage.get(key);
      const chunks: Buffer[] = [];
      for await (const chunk of stream!) chunks.push(chunk as Buffer);
      expect(Buffer.concat(chunks)).toEqual(content);
      await storage.delete(key);
      expect(await storage.get(key)).toBeNull();
      expect(store.requests.slice(0, 4)).toEqual([`HEAD /${BUCKET}/${key}`, `PUT /${BUCKET}/${key}`, `HEAD /${BUCKET}/${key}`, `GET /${BUCKET}/${key}`]);
    } finally {
      storage.destroy();
    }
  });

  it('turns an unreachable store into a 503 problem, not a crash', async () => {
    const storage = new S3MediaStorage({ bucket: BUCKET, endpoint: 'http://127.0.0.1:9', region: 'us-east-1', forcePathStyle: true, ...KEYS });
    try {
      await expect(storage.put('a/b/c.txt', Buffer.from('x'), 'text/plain')).rejects.toMatchObject({ status: 503, code: 'media_storage_unavailable' });
    } finally {
      storage.destroy();
    }
  });

  describe('the API with MEDIA_S3_* set', () => {
    let n: MediaTestNetwork;
    beforeAll(async () => {
      n = await createMediaTestNetwork('media-s3', {
        MEDIA_S3_BUCKET: BUCKET,
        MEDIA_S3_ENDPOINT: store.endpoint,
        MEDIA_S3_ACCESS_KEY_ID: KEYS.accessKeyId,
        MEDIA_S3_SECRET_ACCESS_KEY: KEYS.secretAccessKey,
      });
    }, 120_000);
    afterAll(async () => n?.close());

    it('stores the master and variants in the bucket, serves them from it, deletes them with the file', async () => {
      const response = await n.upload(n.staff.rhone, { name: 'photo.jpg', content: await jpegWithGps(700, 400) });
      expect(response.statusCode, response.body).toBe(201);
      const media = response.json<MediaFile>();
      const prefix = `${BUCKET}/${n.ids['69']}/${media.id}/`;
      expect([...store.objects.keys()].filter((key) => key.startsWith(prefix)).sort()).toEqual([`${prefix}original.jpg`, `${prefix}w320.webp`, `${prefix}w640.webp`]);

      const served = await n.t.app.inject({ method: 'GET', url: media.variants[1]!.url });
      expect(served.statusCode).toBe(200);
      expect((await sharp(served.rawPayload).metadata()).width).toBe(640);

      const deleted = await n.call(n.staff.rhone, 'DELETE', `/api/v1/media/${media.id}`, undefined, { 'if-match': '"1"' });
      expect(deleted.statusCode).toBe(204);
      expect([...store.objects.keys()].filter((key) => key.startsWith(prefix))).toEqual([]);
    });
  });
});
