import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, unique, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { entities } from '../../../platform/tenancy/entity-tree.tables.js';
import { tenantIsolationPolicy } from '../../../platform/tenancy/tenant-policy.js';
import type { RichTextDocument } from '../rich-text/index.js';
import { cmsSites } from '../sites/sites.tables.js';

export const CONTENT_KINDS = ['page', 'article', 'document'] as const;
export type ContentKind = (typeof CONTENT_KINDS)[number];

/**
 * Workflow state of the working copy (the current revision). Whether the item is *live* is a
 * separate fact: `published_revision_id IS NOT NULL`. A live item being edited is `draft` (or
 * `in_review`, `scheduled`) while the public still sees its published revision.
 */
export const CONTENT_STATUSES = ['draft', 'in_review', 'scheduled', 'published', 'archived'] as const;
export type ContentStatus = (typeof CONTENT_STATUSES)[number];

export const CONTENT_VISIBILITIES = ['public', 'members'] as const;
export type ContentVisibility = (typeof CONTENT_VISIBILITIES)[number];

/** Kind-specific fields, versioned with the revision (all optional). */
export interface ContentFields {
  coverMediaId?: string | null;
  categoryIds?: string[];
  tags?: string[];
  author?: string | null;
  documentMediaId?: string | null;
}

/** A rich-text document (ProseMirror/Tiptap JSON, validated by `../rich-text`). */
export type RichTextJson = RichTextDocument;

/**
 * One content item of a site. Structural columns (slug, path, parent, visibility, schedule) apply at
 * once; the editorial text (title, summary, body, fields) lives in `cms_revisions`, and the columns
 * here mirror the *current* (working) revision for lists. The public reads the revision named by
 * `published_revision_id`, never these mirror columns.
 */
export const cmsContents = pgTable(
  'cms_contents',
  {
    id: uuid('id').primaryKey(),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id),
    siteId: uuid('site_id')
      .notNull()
      .references(() => cmsSites.id),
    kind: text('kind', { enum: CONTENT_KINDS }).notNull(),
    /** Pages only: the parent page (the tree gives the path). */
    parentId: uuid('parent_id').references((): AnyPgColumn => cmsContents.id),
    position: integer('position').notNull().default(0),
    slug: text('slug').notNull(),
    /** Site-relative path: pages `/<parent slugs>/<slug>`, articles `/actualites/<slug>`, documents `/documents/<slug>`. */
    path: text('path').notNull(),
    status: text('status', { enum: CONTENT_STATUSES }).notNull().default('draft'),
    visibility: text('visibility', { enum: CONTENT_VISIBILITIES }).notNull().default('public'),
    title: text('title').notNull(),
    summary: text('summary'),
    body: jsonb('body').$type<RichTextJson>().notNull(),
    fields: jsonb('fields').$type<ContentFields>().notNull().default(sql`'{}'::jsonb`),
    featured: boolean('featured').notNull().default(false),
    publishAt: timestamp('publish_at', { withTimezone: true }),
    unpublishAt: timestamp('unpublish_at', { withTimezone: true }),
    /** Publication date shown to readers: set when the item goes live, kept when a new revision is published. */
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /** When the published revision last changed (feeds, caches). */
    lastPublishedAt: timestamp('last_published_at', { withTimezone: true }),
    publishedRevisionId: uuid('published_revision_id'),
    currentRevisionId: uuid('current_revision_id'),
    reviewRequestedBy: uuid('review_requested_by'),
    createdBy: uuid('created_by'),
    updatedBy: uuid('updated_by'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique('cms_contents_site_path_unique').on(table.siteId, table.path),
    index('cms_contents_entity_id_idx').on(table.entityId),
    index('cms_contents_site_status_idx').on(table.siteId, table.kind, table.status),
    index('cms_contents_live_idx').on(table.siteId, table.kind, table.publishedAt.desc()).where(sql`${table.publishedRevisionId} IS NOT NULL`),
    index('cms_contents_parent_idx').on(table.parentId),
    index('cms_contents_publish_due_idx').on(table.publishAt).where(sql`${table.status} = 'scheduled'`),
    index('cms_contents_unpublish_due_idx').on(table.unpublishAt).where(sql`${table.unpublishAt} IS NOT NULL`),
    check('cms_contents_kind', sql`${table.kind} IN ('page', 'article', 'document')`),
    check('cms_contents_status', sql`${table.status} IN ('draft', 'in_review', 'scheduled', 'published', 'archived')`),
    check('cms_contents_visibility', sql`${table.visibility} IN ('public', 'members')`),
    check('cms_contents_slug_format', sql`${table.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    check('cms_contents_parent_is_page', sql`${table.parentId} IS NULL OR ${table.kind} = 'page'`),
    check('cms_contents_live_dates', sql`(${table.publishedRevisionId} IS NULL) = (${table.publishedAt} IS NULL)`),
    check('cms_contents_scheduled_has_date', sql`${table.status} <> 'scheduled' OR ${table.publishAt} IS NOT NULL`),
    tenantIsolationPolicy('cms_contents'),
  ],
).enableRLS();

/**
 * Append-only history: one row per save (title, summary, body, fields as they were), numbered from
 * 1 per content item. `plain_text` is the body as plain text (search, diffs, AI indexing).
 */
export const cmsRevisions = pgTable(
  'cms_revisions',
  {
    id: uuid('id').primaryKey(),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id),
    contentId: uuid('content_id')
      .notNull()
      .references(() => cmsContents.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    title: text('title').notNull(),
    summary: text('summary'),
    body: jsonb('body').$type<RichTextJson>().notNull(),
    fields: jsonb('fields').$type<ContentFields>().notNull().default(sql`'{}'::jsonb`),
    plainText: text('plain_text').notNull().default(''),
    /** Set when this revision restores an older one. */
    restoredFromId: uuid('restored_from_id'),
    authorId: uuid('author_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique('cms_revisions_content_number_unique').on(table.contentId, table.number),
    index('cms_revisions_entity_id_idx').on(table.entityId),
    tenantIsolationPolicy('cms_revisions'),
  ],
).enableRLS();

/** Article categories of a site. */
export const cmsCategories = pgTable(
  'cms_categories',
  {
    id: uuid('id').primaryKey(),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id),
    siteId: uuid('site_id')
      .notNull()
      .references(() => cmsSites.id),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique('cms_categories_site_slug_unique').on(table.siteId, table.slug),
    index('cms_categories_entity_id_idx').on(table.entityId),
    check('cms_categories_slug_format', sql`${table.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    tenantIsolationPolicy('cms_categories'),
  ],
).enableRLS();
