import sharp, { type Metadata, type Sharp } from 'sharp';
import { AppError } from '../../../platform/http/errors.js';

/** Widths of the responsive WebP variants; an image never gets a variant wider than itself. */
export const VARIANT_WIDTHS = [320, 640, 1024, 1600] as const;
/** Decompression bombs stop here: 60 megapixels is a 9500 × 6300 photo. */
const MAX_INPUT_PIXELS = 60_000_000;

export interface ImageRendition {
  width: number;
  height: number;
  content: Buffer;
}

export interface ProcessedImage {
  /** The original re-encoded in its own format, upright and without any metadata (EXIF GPS, camera…). */
  master: ImageRendition;
  variants: ImageRendition[];
}

export class ImageUnreadableError extends AppError {
  constructor(message: string) {
    super('media_image_unreadable', 422, 'Unprocessable file', message, [{ pointer: '/file', message }]);
  }
}

/**
 * Builds what is stored for an image: a clean master and the WebP variants. sharp writes no
 * metadata unless asked (`keepMetadata`), so EXIF (GPS position, camera serial), XMP and IPTC are
 * dropped from every output; the EXIF orientation is applied to the pixels first.
 */
export async function processImage(content: Buffer, mimeType: string): Promise<ProcessedImage> {
  const animated = mimeType === 'image/gif' || mimeType === 'image/webp';
  const input = () => sharp(content, { limitInputPixels: MAX_INPUT_PIXELS, animated, failOn: 'error' });
  let meta: Metadata;
  try {
    meta = await input().metadata();
  } catch (error) {
    const tooLarge = error instanceof Error && /pixel limit/i.test(error.message);
    throw new ImageUnreadableError(tooLarge ? "L'image est trop grande (plus de 60 millions de pixels)." : "L'image est illisible ou endommagée.");
  }
  try {
    const upright = () => ((meta.pages ?? 1) === 1 ? input().rotate() : input());
    const { data, info } = await encodeAs(upright(), mimeType).toBuffer({ resolveWithObject: true });
    const height = info.pageHeight ?? info.height;
    const master = { width: info.width, height, content: data };
    const variants: ImageRendition[] = [];
    for (const width of variantWidths(master.width)) {
      // From the upload itself, not the master: JPEG shrink-on-load decodes at 1/2, 1/4 or 1/8 size.
      const rendition = await upright()
        .resize({ width, withoutEnlargement: true })
        .webp({ quality: 80, effort: 2 })
        .toBuffer({ resolveWithObject: true });
      variants.push({ width: rendition.info.width, height: rendition.info.pageHeight ?? rendition.info.height, content: rendition.data });
    }
    return { master, variants };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new ImageUnreadableError("L'image n'a pas pu être traitée (fichier endommagé ou format partiel).");
  }
}

/** Every standard width up to the image's own; a small image gets one variant at its width. */
export function variantWidths(width: number): number[] {
  const widths: number[] = VARIANT_WIDTHS.filter((candidate) => candidate <= width);
  return widths.length > 0 ? widths : [width];
}

function encodeAs(image: Sharp, mimeType: string): Sharp {
  switch (mimeType) {
    case 'image/jpeg':
      // libjpeg-turbo defaults: mozjpeg's trellis search costs several times the CPU for a few per cent.
      return image.jpeg({ quality: 90 });
    case 'image/png':
      return image.png({ compressionLevel: 9 });
    case 'image/webp':
      return image.webp({ quality: 90 });
    case 'image/gif':
      return image.gif();
    case 'image/avif':
      return image.avif({ quality: 70 });
    default:
      throw new Error(`No encoder for ${mimeType}`);
  }
}
