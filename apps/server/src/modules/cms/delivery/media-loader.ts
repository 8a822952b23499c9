import type { Tx } from '../../../platform/db/index.js';
import { readMediaSummary } from '../../media/index.js';
import type { RenderableMedia } from '../rich-text/index.js';
import type { ImageView } from './views.js';

/** A media as delivery needs it (the media module's `readMediaSummary` rows fit). */
export interface DeliveryMedia extends RenderableMedia {
  id: string;
  alt: string | null;
}

/** Loads media by ids inside the delivery transaction. */
export type MediaLoader = (tx: Tx, ids: readonly string[]) => Promise<Map<string, DeliveryMedia>>;

/** Pages rendered without images (tests of the templates alone). */
export const NO_MEDIA: MediaLoader = async () => new Map();

/** The media library's summaries (public files served at `/media/{id}` and `/media/{id}/{width}`). */
export const LIBRARY_MEDIA: MediaLoader = async (tx, ids) => {
  if (ids.length === 0) return new Map();
  return new Map((await readMediaSummary(tx, ids)).map((media) => [media.id, media]));
};

export function imageView(media: DeliveryMedia | undefined, alt: string | null | undefined): ImageView | null {
  if (!media || (media.kind !== undefined && media.kind !== 'image')) return null;
  const variants = (media.variants ?? []).filter((variant) => Number.isInteger(variant.width) && !/[\s,]/.test(variant.url));
  return {
    src: media.url,
    srcset: variants.length > 0 ? variants.map((variant) => `${variant.url} ${variant.width}w`).join(', ') : null,
    alt: (alt ?? media.alt ?? '').trim(),
  };
}
