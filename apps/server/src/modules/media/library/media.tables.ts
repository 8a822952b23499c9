import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { entities } from '../../../platform/tenancy/entity-tree.tables.js';
import { tenantIsolationPolicy } from '../../../platform/tenancy/tenant-policy.js';

export const MEDIA_KINDS = ['image', 'file'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];

/**
 * A file of the media library (tenant-owned, RLS). The bytes live in the storage adapter (local
 * `DATA_DIR/media` or S3) under `storage_key`; the MIME type is the sniffed one, never the declared
 * one. Images carry their pixel size and need an alt text before any content may use them.
 */
export const mediaFiles = pgTable(
  'media_files',
  {
    id: uuid('id').primaryKey(),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id),
    kind: text('kind', { enum: MEDIA_KINDS }).notNull(),
    originalFilename: text('original_filename').notNull(),
    mimeType: text('mime_type').notNull(),
    byteSize: integer('byte_size').notNull(),
    sha256: text('sha256').notNull(),
    width: integer('width'),
    height: integer('height'),
    alt: text('alt'),
    title: text('title'),
    storageKey: text('storage_key').notNull().unique('media_files_storage_key_unique'),
    createdBy: uuid('created_by'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('media_files_entity_id_idx').on(table.entityId, table.createdAt),
    check('media_files_kind', sql`${table.kind} IN ('image', 'file')`),
    check('media_files_sha256_format', sql`${table.sha256} ~ '^[0-9a-f]{64}$'`),
    check('media_files_byte_size', sql`${table.byteSize} >= 0`),
    // Images always know their size; other files never claim one.
    check(
      'media_files_image_dimensions',
      sql`(${table.kind} = 'image') = (${table.width} IS NOT NULL AND ${table.height} IS NOT NULL) AND (${table.width} IS NULL OR ${table.width} > 0) AND (${table.height} IS NULL OR ${table.height} > 0)`,
    ),
    tenantIsolationPolicy('media_files'),
  ],
).enableRLS();

/** Responsive WebP renditions of an image, one per width (never wider than the original). */
export const mediaVariants = pgTable(
  'media_variants',
  {
    mediaId: uuid('media_id')
      .notNull()
      .references(() => mediaFiles.id, { onDelete: 'cascade' }),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    format: text('format', { enum: ['webp'] }).notNull().default('webp'),
    byteSize: integer('byte_size').notNull(),
    storageKey: text('storage_key').notNull().unique('media_variants_storage_key_unique'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ name: 'media_variants_pk', columns: [table.mediaId, table.width] }),
    index('media_variants_entity_id_idx').on(table.entityId),
    check('media_variants_format', sql`${table.format} IN ('webp')`),
    check('media_variants_size', sql`${table.width} > 0 AND ${table.height} > 0 AND ${table.byteSize} >= 0`),
    tenantIsolationPolicy('media_variants'),
  ],
).enableRLS();

/**
 * Who uses a media file (a CMS content, an AI document, …): one row per user, written by the using
 * module inside its own transaction. The foreign key refuses deleting a used file even if the
 * service check were bypassed. `entity_id` is the media file's entity, so its owners see the usages.
 */
export const mediaUsages = pgTable(
  'media_usages',
  {
    mediaId: uuid('media_id')
      .notNull()
      .references(() => mediaFiles.id),
    usedByKind: text('used_by_kind').notNull(),
    usedById: uuid('used_by_id').notNull(),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ name: 'media_usages_pk', columns: [table.mediaId, table.usedByKind, table.usedById] }),
    index('media_usages_used_by_idx').on(table.usedByKind, table.usedById),
    index('media_usages_entity_id_idx').on(table.entityId),
    check('media_usages_used_by_kind', sql`${table.usedByKind} ~ '^[a-z][a-z0-9_.-]{0,62}$'`),
    tenantIsolationPolicy('media_usages'),
  ],
).enableRLS();
