/** The media library's public door: other modules use only what is exported here. */
import type { Tx } from '../../platform/db/index.js';
import type { MediaSummary } from './library/media.schema.js';
import { mediaStorageFor, type MediaConfig } from './storage/storage-for-config.js';
import { storeMedia, type StoreMediaInput } from './upload/store-media.js';
import { toMediaSummary } from './library/media-view.js';

export { registerMedia } from './library/register-media.js';
export { recordMediaUsage, releaseMediaUsage, readMediaSummary, MediaUsageRefusedError, type MediaUser } from './usages/media-usages.js';
export { MEDIA_PERMISSIONS } from './library/permissions.js';
export { mediaStorageFor, type MediaConfig } from './storage/storage-for-config.js';
export type { MediaStorage } from './storage/media-storage.js';
export type { MediaSummary, MediaFile } from './library/media.schema.js';
export type { StoreMediaInput } from './upload/store-media.js';

/**
 * Keeps an uploaded original for another module (an AI document, an attachment): the content is
 * sniffed like an upload (415/422 on refusal), images get their variants, and the media rows are
 * inserted in the caller's transaction, whose scope must include `input.entityId`.
 * Read the bytes back with `mediaStorageFor(config).get(summary.storageKey)`.
 */
export async function storeFile(tx: Tx, config: MediaConfig, input: StoreMediaInput): Promise<MediaSummary & { storageKey: string; sha256: string; byteSize: number }> {
  const prepared = await storeMedia(tx, mediaStorageFor(config), input);
  return { ...toMediaSummary(prepared.row, prepared.variants), storageKey: prepared.row.storageKey, sha256: prepared.row.sha256, byteSize: prepared.row.byteSize };
}
