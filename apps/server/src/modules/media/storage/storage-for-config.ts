import { join } from 'node:path';
import type { AppConfig } from '../../../platform/config/index.js';
import { LocalMediaStorage } from './local-storage.js';
import type { MediaStorage } from './media-storage.js';
import { S3MediaStorage } from './s3-storage.js';

/** The directory of DATA_DIR that local media live in (the backup and the export copy it). */
export const LOCAL_MEDIA_DIRECTORY = 'media';

export type MediaConfig = Pick<AppConfig, 'dataDir' | 'media'>;

const instances = new WeakMap<MediaConfig, MediaStorage>();

/** One storage per configuration object: S3 clients keep their connection pool between requests. */
export function mediaStorageFor(config: MediaConfig): MediaStorage {
  let storage = instances.get(config);
  if (!storage) {
    storage = config.media.s3 ? new S3MediaStorage(config.media.s3) : new LocalMediaStorage(join(config.dataDir, LOCAL_MEDIA_DIRECTORY));
    instances.set(config, storage);
  }
  return storage;
}
