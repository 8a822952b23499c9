import { Type, type Static } from 'typebox';

const Uuid = Type.String({ format: 'uuid' });
const Nullable = <T extends ReturnType<typeof Type.String> | ReturnType<typeof Type.Integer>>(schema: T) => Type.Union([schema, Type.Null()]);

export const MediaKindSchema = Type.Union([Type.Literal('image'), Type.Literal('file')], { description: 'image (JPEG, PNG, WebP, GIF, AVIF) or file (PDF, office documents, CSV, text)' });

export const MediaVariantSchema = Type.Object(
  {
    width: Type.Integer({ description: 'Pixels' }),
    height: Type.Integer({ description: 'Pixels' }),
    format: Type.Literal('webp'),
    byteSize: Type.Integer(),
    url: Type.String({ description: 'Public address, e.g. /media/{id}/640' }),
  },
  { $id: 'MediaVariant' },
);

export const MediaFileSchema = Type.Object(
  {
    id: Uuid,
    entityId: Uuid,
    kind: MediaKindSchema,
    originalFilename: Type.String({ description: 'Name the file was uploaded with (shown, never trusted)' }),
    mimeType: Type.String({ description: 'Type read from the content (sniffed), not the declared one' }),
    byteSize: Type.Integer({ description: 'Size of the stored original; for images, the cleaned master without metadata' }),
    sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
    width: Nullable(Type.Integer()),
    height: Nullable(Type.Integer()),
    alt: Nullable(Type.String({ description: 'Text alternative of an image; required before content may use it' })),
    title: Nullable(Type.String()),
    url: Type.String({ description: 'Public address of the original: /media/{id}' }),
    variants: Type.Array(MediaVariantSchema, { description: 'Responsive WebP variants of an image, narrowest first; empty for other files' }),
    createdBy: Nullable(Uuid),
    version: Type.Integer(),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'MediaFile' },
);
export type MediaFile = Static<typeof MediaFileSchema>;

export const MediaIdParamsSchema = Type.Object({ id: Uuid }, { additionalProperties: false });

const Alt = Type.String({ minLength: 1, maxLength: 500, description: 'Text alternative (what the image shows, for screen readers)' });
const Title = Type.String({ minLength: 1, maxLength: 300 });

export const PatchMediaSchema = Type.Object(
  {
    alt: Type.Optional(Type.Union([Alt, Type.Null()])),
    title: Type.Optional(Type.Union([Title, Type.Null()])),
  },
  { additionalProperties: false },
);
export type PatchMedia = Static<typeof PatchMediaSchema>;

export const MediaUsageSchema = Type.Object(
  {
    mediaId: Uuid,
    usedBy: Type.Object({
      kind: Type.String({ description: 'What uses the file: cms.content, ai.document…' }),
      id: Uuid,
    }),
    entityId: Uuid,
    createdAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'MediaUsage' },
);
export type MediaUsage = Static<typeof MediaUsageSchema>;
export const MediaUsageListSchema = Type.Object({ items: Type.Array(MediaUsageSchema) });

/** Public delivery: `/media/{id}` (original) or `/media/{id}/{width}` (a WebP variant). */
export const DeliveryParamsSchema = Type.Object(
  {
    id: Uuid,
    variant: Type.Optional(Type.String({ pattern: '^[0-9]{1,5}$', description: 'Width of a WebP variant (320, 640, 1024, 1600, or the image width when smaller)' })),
  },
  { additionalProperties: false },
);

/** What other modules read about media (readMediaSummary). */
export interface MediaSummary {
  id: string;
  entityId: string;
  kind: 'image' | 'file';
  mimeType: string;
  alt: string | null;
  title: string | null;
  width: number | null;
  height: number | null;
  url: string;
  variants: Array<{ width: number; url: string }>;
}
