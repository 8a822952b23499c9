import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './index.js';

describe('media settings', () => {
  it('defaults to 20 MiB on local storage', () => {
    expect(loadConfig({}, []).media).toEqual({ maxBytes: 20 * 1024 * 1024, s3: undefined });
  });

  it('reads the S3 settings, the secret from a *_FILE, path-style by default with an endpoint', () => {
    const secretFile = join(mkdtempSync(join(tmpdir(), 'maillage-media-config-')), 'secret');
    writeFileSync(secretFile, 'minio-secret-key\n');
    const config = loadConfig(
      { MEDIA_MAX_BYTES: '5242880', MEDIA_S3_BUCKET: 'medias', MEDIA_S3_ENDPOINT: 'http://minio:9000', MEDIA_S3_ACCESS_KEY_ID: 'maillage', MEDIA_S3_SECRET_ACCESS_KEY_FILE: secretFile },
      [],
    );
    expect(config.media).toEqual({
      maxBytes: 5_242_880,
      s3: { bucket: 'medias', endpoint: 'http://minio:9000', region: 'us-east-1', accessKeyId: 'maillage', secretAccessKey: 'minio-secret-key', forcePathStyle: true },
    });
    expect(loadConfig({ MEDIA_S3_BUCKET: 'medias', MEDIA_S3_REGION: 'eu-west-3' }, []).media.s3).toMatchObject({ endpoint: undefined, region: 'eu-west-3', forcePathStyle: false });
  });

  it.each([
    [{ MEDIA_MAX_BYTES: '12' }, 'MEDIA_MAX_BYTES'],
    [{ MEDIA_S3_ENDPOINT: 'http://minio:9000' }, 'MEDIA_S3_ENDPOINT'],
    [{ MEDIA_S3_BUCKET: 'b', MEDIA_S3_ENDPOINT: 'minio:9000' }, 'MEDIA_S3_ENDPOINT'],
    [{ MEDIA_S3_BUCKET: 'b', MEDIA_S3_ACCESS_KEY_ID: 'only-the-id' }, 'MEDIA_S3_ACCESS_KEY_ID'],
  ])('refuses %j naming %s', (env, variable) => {
    expect(() => loadConfig(env, [])).toThrow(ConfigError);
    expect(() => loadConfig(env, [])).toThrow(variable);
  });
});
