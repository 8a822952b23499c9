import { createHash } from 'node:crypto';
import { newId, type Tx } from '../../../platform/db/index.js';
import type { MediaKind } from '../library/media.tables.js';
import { insertMedia, type MediaRow, type MediaVariantRow } from '../library/media.repository.js';
import type { MediaStorage } from '../storage/media-storage.js';
import { processImage } from './image-variants.js';
import { sniffContent } from './sniff-content.js';

export interface StoreMediaInput {
  entityId: string;
  /** The name it came with: kept for display and downloads, never used to decide the type. */
  fileName: string;
  content: Buffer;
  createdBy: string | null;
  alt?: string | null;
  title?: string | null;
}

interface StorageObject {
  key: string;
  content: Buffer;
  contentType: string;
}

/** A media file ready to be written: the rows to insert and the objects to store. */
export interface PreparedMedia {
  row: MediaRow;
  variants: MediaVariantRow[];
  objects: StorageObject[];
}

/**
 * Sniffs the content and, for an image, builds the metadata-free master and the WebP variants.
 * CPU only: nothing is written yet, so a refusal leaves no trace.
 */
export async function prepareMedia(input: StoreMediaInput): Promise<PreparedMedia> {
  const sniffed = await sniffContent(input.content, input.fileName);
  const id = newId();
  const base = `${input.entityId}/${id}`;
  const now = new Date();
  let original = input.content;
  let size: { width: number; height: number } | null = null;
  const variants: MediaVariantRow[] = [];
  const objects: StorageObject[] = [];
  if (sniffed.kind === 'image') {
    const image = await processImage(input.content, sniffed.mimeType);
    original = image.master.content;
    size = { width: image.master.width, height: image.master.height };
    for (const variant of image.variants) {
      const key = `${base}/w${variant.width}.webp`;
      variants.push({ mediaId: id, entityId: input.entityId, width: variant.width, height: variant.height, format: 'webp', byteSize: variant.content.length, storageKey: key, createdAt: now });
      objects.push({ key, content: variant.content, contentType: 'image/webp' });
    }
  }
  const storageKey = `${base}/original.${sniffed.extension}`;
  objects.unshift({ key: storageKey, content: original, contentType: sniffed.mimeType });
  const row: MediaRow = {
    id,
    entityId: input.entityId,
    kind: sniffed.kind as MediaKind,
    originalFilename: cleanFileName(input.fileName, sniffed.extension),
    mimeType: sniffed.mimeType,
    byteSize: original.length,
    sha256: createHash('sha256').update(original).digest('hex'),
    width: size?.width ?? null,
    height: size?.height ?? null,
    alt: input.alt ?? null,
    title: input.title ?? null,
    storageKey,
    createdBy: input.createdBy,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  return { row, variants, objects };
}

/** Writes every object or none: on a failure the ones already written are removed. */
export async function writeObjects(storage: MediaStorage, prepared: PreparedMedia): Promise<void> {
  const written: string[] = [];
  try {
    for (const object of prepared.objects) {
      await storage.put(object.key, object.content, object.contentType);
      written.push(object.key);
    }
  } catch (error) {
    await removeObjects(storage, written);
    throw error;
  }
}

/** Best effort: a file left behind is an orphan, never a broken reference. */
export async function removeObjects(storage: MediaStorage, keys: readonly string[]): Promise<void> {
  for (const key of keys) await storage.delete(key).catch(() => undefined);
}

export async function insertPrepared(tx: Tx, prepared: PreparedMedia): Promise<MediaRow> {
  return insertMedia(tx, prepared.row, prepared.variants);
}

/**
 * For other modules that keep an uploaded original (AI documents, attachments): sniffs, stores the
 * bytes and inserts the media rows inside the caller's transaction. If that transaction rolls back
 * later, the stored objects stay as orphans (harmless, never referenced).
 */
export async function storeMedia(tx: Tx, storage: MediaStorage, input: StoreMediaInput): Promise<PreparedMedia> {
  const prepared = await prepareMedia(input);
  await writeObjects(storage, prepared);
  try {
    await insertPrepared(tx, prepared);
  } catch (error) {
    await removeObjects(storage, prepared.objects.map((object) => object.key));
    throw error;
  }
  return prepared;
}

/** The last path segment, without control characters, at most 255 characters. */
function cleanFileName(name: string, extension: string): string {
  const base = name.split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return (base || `fichier.${extension}`).slice(0, 255);
}
