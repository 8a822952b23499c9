import { Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import type { MediaS3Settings } from '../../../platform/config/index.js';
import { assertStorageKey, StorageUnavailableError, type MediaStorage } from './media-storage.js';

/**
 * S3-compatible object storage (MinIO, Garage, Scaleway, OVH, AWS). A PUT of the whole body is
 * atomic on every S3 implementation: an object is visible whole or not at all.
 */
export class S3MediaStorage implements MediaStorage {
  readonly kind = 's3' as const;
  private readonly client: S3Client;

  constructor(private readonly settings: MediaS3Settings) {
    this.client = new S3Client({
      region: settings.region,
      forcePathStyle: settings.forcePathStyle,
      ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
      ...(settings.accessKeyId && settings.secretAccessKey ? { credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey } } : {}),
      // Fail fast: an upload waits for the store, the client should not wait minutes.
      maxAttempts: 2,
      // Checksums only where S3 requires them: MinIO, Garage and older stores refuse the newer default trailers.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  async put(key: string, content: Buffer, contentType: string): Promise<void> {
    assertStorageKey(key);
    await this.call(() => this.client.send(new PutObjectCommand({ Bucket: this.settings.bucket, Key: key, Body: content, ContentType: contentType, ContentLength: content.length })));
  }

  async get(key: string): Promise<Readable | null> {
    assertStorageKey(key);
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.settings.bucket, Key: key }));
      if (object.Body instanceof Readable) return object.Body;
      if (!object.Body) return null;
      return Readable.from(Buffer.from(await object.Body.transformToByteArray()));
    } catch (error) {
      if (isNotFound(error)) return null;
      throw unavailable(error);
    }
  }

  async delete(key: string): Promise<void> {
    assertStorageKey(key);
    await this.call(() => this.client.send(new DeleteObjectCommand({ Bucket: this.settings.bucket, Key: key })));
  }

  async exists(key: string): Promise<boolean> {
    assertStorageKey(key);
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.settings.bucket, Key: key }));
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw unavailable(error);
    }
  }

  destroy(): void {
    this.client.destroy();
  }

  private async call(send: () => Promise<unknown>): Promise<void> {
    try {
      await send();
    } catch (error) {
      throw unavailable(error);
    }
  }
}

function isNotFound(error: unknown): boolean {
  return error instanceof S3ServiceException && (error.name === 'NoSuchKey' || error.name === 'NotFound' || error.$metadata.httpStatusCode === 404);
}

/** The cause stays in the server log; the client gets a 503 without the store's internals. */
function unavailable(error: unknown): Error {
  return Object.assign(new StorageUnavailableError(), { cause: error });
}
