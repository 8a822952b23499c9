import { sql } from 'drizzle-orm';
import { check, customType, index, integer, pgPolicy, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { entities } from '../../../platform/tenancy/entity-tree.tables.js';
import { tenantIsolationPolicy } from '../../../platform/tenancy/tenant-policy.js';

export const SOURCE_VISIBILITIES = ['public', 'members', 'staff'] as const;
export type SourceVisibility = (typeof SOURCE_VISIBILITIES)[number];
export const SOURCE_TYPES = ['document', 'cms-content'] as const;
export const SOURCE_STATUSES = ['pending', 'indexed', 'failed'] as const;
export type SourceStatus = (typeof SOURCE_STATUSES)[number];

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * Public and members' sources are readable network-wide (any staff scope may retrieve them); staff
 * sources only through the tenant policy, i.e. by staff of the owning entity's subtree (ADR 0019).
 * Writes stay under the tenant policy alone.
 */
function sharedReadPolicy(table: string) {
  return pgPolicy(`${table}_shared_read`, { as: 'permissive', for: 'select', to: 'maillage_app', using: sql`visibility IN ('public', 'members')` });
}

/** A knowledge collection of an entity: uploaded documents sharing a default visibility. */
export const aiCollections = pgTable(
  'ai_collections',
  {
    id: uuid('id').primaryKey(),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id),
    name: text('name').notNull(),
    description: text('description'),
    /** Default visibility of the documents uploaded into the collection. */
    visibility: text('visibility', { enum: SOURCE_VISIBILITIES }).notNull().default('staff'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('ai_collections_entity_id_idx').on(table.entityId, table.name),
    check('ai_collections_visibility', sql`${table.visibility} IN ('public', 'members', 'staff')`),
    tenantIsolationPolicy('ai_collections'),
  ],
).enableRLS();

/**
 * One indexed source: an uploaded document (or one record of a JSON Lines upload) or a published CMS
 * content. `text` is the full extracted text the chunks' offsets point into.
 */
export const aiSources = pgTable(
  'ai_sources',
  {
    id: uuid('id').primaryKey(),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id),
    sourceType: text('source_type', { enum: SOURCE_TYPES }).notNull(),
    /** The document's own id, or the CMS content id. */
    sourceId: uuid('source_id').notNull(),
    collectionId: uuid('collection_id').references(() => aiCollections.id, { onDelete: 'cascade' }),
    /** The CMS site of a content (null for documents). */
    siteId: uuid('site_id'),
    title: text('title').notNull(),
    /** Heading the whole source sits under (a JSON Lines record's section path); prefixes its chunks' heading paths. */
    heading: text('heading'),
    url: text('url'),
    /** Identifier in the source's own system, e.g. a Légifrance article id (LEGIARTI…). */
    externalRef: text('external_ref'),
    /** The source's own version label, e.g. "VIGUEUR depuis 2008-05-01", or the CMS content version. */
    externalVersion: text('external_version'),
    fileName: text('file_name'),
    mimeType: text('mime_type'),
    visibility: text('visibility', { enum: SOURCE_VISIBILITIES }).notNull(),
    text: text('text').notNull(),
    status: text('status', { enum: SOURCE_STATUSES }).notNull().default('pending'),
    error: text('error'),
    /** sha256 of `text`: re-indexing an unchanged text is a no-op. */
    contentHash: text('content_hash').notNull(),
    /** The content hash the current chunks were built from. */
    indexedHash: text('indexed_hash'),
    indexedAt: timestamp('indexed_at', { withTimezone: true }),
    chunkCount: integer('chunk_count').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('ai_sources_type_source_unique').on(table.sourceType, table.sourceId),
    uniqueIndex('ai_sources_collection_external_ref_unique').on(table.collectionId, table.externalRef).where(sql`${table.externalRef} IS NOT NULL`),
    index('ai_sources_entity_id_idx').on(table.entityId),
    index('ai_sources_collection_id_idx').on(table.collectionId, table.createdAt),
    check('ai_sources_source_type', sql`${table.sourceType} IN ('document', 'cms-content')`),
    check('ai_sources_visibility', sql`${table.visibility} IN ('public', 'members', 'staff')`),
    check('ai_sources_status', sql`${table.status} IN ('pending', 'indexed', 'failed')`),
    check('ai_sources_collection_for_documents', sql`(${table.sourceType} = 'document') = (${table.collectionId} IS NOT NULL)`),
    tenantIsolationPolicy('ai_sources'),
    sharedReadPolicy('ai_sources'),
  ],
).enableRLS();

/** A passage of a source: the unit retrieval ranks and answers cite. */
export const aiChunks = pgTable(
  'ai_chunks',
  {
    id: uuid('id').primaryKey(),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id),
    sourceRowId: uuid('source_row_id')
      .notNull()
      .references(() => aiSources.id, { onDelete: 'cascade' }),
    visibility: text('visibility', { enum: SOURCE_VISIBILITIES }).notNull(),
    ordinal: integer('ordinal').notNull(),
    heading: text('heading'),
    text: text('text').notNull(),
    startOffset: integer('start_offset').notNull(),
    endOffset: integer('end_offset').notNull(),
    /** sha256 of `text`. */
    version: text('version').notNull(),
    /**
     * French full text over heading and text, accents folded (immutable_unaccent, migration 0010).
     * STORAGE MAIN, set in SQL only (migration 0051): kept in the row, as every search candidate reads it.
     */
    search: tsvector('search').generatedAlwaysAs(
      sql`setweight(to_tsvector('french', immutable_unaccent(coalesce(heading, ''))), 'B') || setweight(to_tsvector('french', immutable_unaccent(text)), 'A')`,
    ),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('ai_chunks_source_ordinal_unique').on(table.sourceRowId, table.ordinal),
    index('ai_chunks_entity_id_idx').on(table.entityId),
    // fastupdate = off (migration 0051: searches do not scan a pending list), set in SQL only.
    index('ai_chunks_search_idx').using('gin', table.search),
    check('ai_chunks_visibility', sql`${table.visibility} IN ('public', 'members', 'staff')`),
    check('ai_chunks_offsets', sql`${table.startOffset} >= 0 AND ${table.endOffset} > ${table.startOffset}`),
    tenantIsolationPolicy('ai_chunks'),
    sharedReadPolicy('ai_chunks'),
  ],
).enableRLS();
