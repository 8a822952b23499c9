import { ConfigError, readBoolean, readInteger, readSetting, type Env } from './env.js';

/** S3-compatible object storage of the media library (MinIO, Garage, Scaleway, OVH, AWS…). */
export interface MediaS3Settings {
  bucket: string;
  /** e.g. http://minio:9000; undefined: the AWS endpoint of the region. */
  endpoint: string | undefined;
  region: string;
  accessKeyId: string | undefined;
  secretAccessKey: string | undefined;
  /** Path-style URLs (`endpoint/bucket/key`), required by MinIO and most self-hosted stores. */
  forcePathStyle: boolean;
}

export interface MediaSettings {
  /** Largest accepted upload in bytes (413 beyond). */
  maxBytes: number;
  /** Undefined: files are kept under DATA_DIR/media. */
  s3: MediaS3Settings | undefined;
}

/** `MEDIA_MAX_BYTES` and the `MEDIA_S3_*` settings (each readable from a `*_FILE` as well). */
export function readMediaSettings(env: Env): MediaSettings {
  const maxBytes = readInteger(env, 'MEDIA_MAX_BYTES', 20 * 1024 * 1024, 1024, 1024 * 1024 * 1024);
  // Every variable is read even when unused, so that a malformed one is reported at boot.
  const bucket = readSetting(env, 'MEDIA_S3_BUCKET');
  const endpoint = readSetting(env, 'MEDIA_S3_ENDPOINT');
  const region = readSetting(env, 'MEDIA_S3_REGION') ?? 'us-east-1';
  const accessKeyId = readSetting(env, 'MEDIA_S3_ACCESS_KEY_ID');
  const secretAccessKey = readSetting(env, 'MEDIA_S3_SECRET_ACCESS_KEY');
  const forcePathStyle = readBoolean(env, 'MEDIA_S3_FORCE_PATH_STYLE', endpoint !== undefined);
  if (bucket === undefined) {
    if (endpoint !== undefined) throw new ConfigError('MEDIA_S3_ENDPOINT', 'is set without MEDIA_S3_BUCKET');
    return { maxBytes, s3: undefined };
  }
  if (endpoint !== undefined && !/^https?:\/\//.test(endpoint)) throw new ConfigError('MEDIA_S3_ENDPOINT', 'must start with http:// or https://');
  if ((accessKeyId === undefined) !== (secretAccessKey === undefined)) {
    throw new ConfigError('MEDIA_S3_ACCESS_KEY_ID', 'and MEDIA_S3_SECRET_ACCESS_KEY must be set together');
  }
  return { maxBytes, s3: { bucket, endpoint, region, accessKeyId, secretAccessKey, forcePathStyle } };
}
