import type { MediaFile, MediaSummary } from './media.schema.js';
import type { MediaRow, MediaVariantRow } from './media.repository.js';

/** Public addresses, relative to the server: the delivery route serves them without sign-in. */
export function mediaUrl(mediaId: string, width?: number): string {
  return width === undefined ? `/media/${mediaId}` : `/media/${mediaId}/${width}`;
}

export function toMediaFile(row: MediaRow, variants: readonly MediaVariantRow[]): MediaFile {
  return {
    id: row.id,
    entityId: row.entityId,
    kind: row.kind,
    originalFilename: row.originalFilename,
    mimeType: row.mimeType,
    byteSize: row.byteSize,
    sha256: row.sha256,
    width: row.width,
    height: row.height,
    alt: row.alt,
    title: row.title,
    url: mediaUrl(row.id),
    variants: variants.map((variant) => ({ width: variant.width, height: variant.height, format: 'webp' as const, byteSize: variant.byteSize, url: mediaUrl(row.id, variant.width) })),
    createdBy: row.createdBy,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toMediaSummary(row: MediaRow, variants: readonly MediaVariantRow[]): MediaSummary {
  return {
    id: row.id,
    entityId: row.entityId,
    kind: row.kind,
    mimeType: row.mimeType,
    alt: row.alt,
    title: row.title,
    width: row.width,
    height: row.height,
    url: mediaUrl(row.id),
    variants: variants.map((variant) => ({ width: variant.width, url: mediaUrl(row.id, variant.width) })),
  };
}
