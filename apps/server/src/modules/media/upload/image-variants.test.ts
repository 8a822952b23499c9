import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { processImage, variantWidths } from './image-variants.js';
import { sniffContent } from './sniff-content.js';

const base = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: { r: 30, g: 160, b: 90 } } });

describe('image processing', () => {
  it('picks the standard widths up to the image width, never upscaling', () => {
    expect(variantWidths(5000)).toEqual([320, 640, 1024, 1600]);
    expect(variantWidths(1024)).toEqual([320, 640, 1024]);
    expect(variantWidths(700)).toEqual([320, 640]);
    expect(variantWidths(120)).toEqual([120]);
  });

  it.each([
    ['image/gif', 'anim.gif', () => base(400, 300).gif().toBuffer()],
    ['image/webp', 'photo.webp', () => base(400, 300).webp().toBuffer()],
    ['image/avif', 'photo.avif', () => base(400, 300).avif().toBuffer()],
  ])('sniffs and processes %s', async (mimeType, name, make) => {
    const content = await make();
    expect(await sniffContent(content, name)).toMatchObject({ kind: 'image', mimeType });
    const image = await processImage(content, mimeType);
    expect(image.master).toMatchObject({ width: 400, height: 300 });
    expect(image.variants.map((v) => [v.width, v.height])).toEqual([[320, 240]]);
    expect((await sharp(image.variants[0]!.content).metadata()).format).toBe('webp');
  });

  it('applies the EXIF orientation before dropping the metadata', async () => {
    // A landscape sensor image marked "rotate 90°": stored upright as a portrait.
    const rotated = await base(600, 400).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    const image = await processImage(rotated, 'image/jpeg');
    expect(image.master).toMatchObject({ width: 400, height: 600 });
    const meta = await sharp(image.master.content).metadata();
    expect(meta.orientation).toBeUndefined();
    expect(meta.exif).toBeUndefined();
  });

  it('refuses a damaged image with 422', async () => {
    const truncated = (await base(800, 600).png().toBuffer()).subarray(0, 200);
    await expect(processImage(truncated, 'image/png')).rejects.toMatchObject({ status: 422, code: 'media_image_unreadable' });
  });
});
