import { sql } from 'drizzle-orm';
import { index, pgPolicy, pgTable, real, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { entities } from '../../../platform/tenancy/entity-tree.tables.js';
import { tenantIsolationPolicy } from '../../../platform/tenancy/tenant-policy.js';
import { aiChunks } from '../knowledge/knowledge.tables.js';

/**
 * The embedding of a chunk (ADR 0025), portable: a `real[]` unit vector, no pgvector needed. One row
 * per chunk, for the configured model and the chunk version it was computed from; re-indexing replaces
 * chunks, and the cascade drops their vectors. Readable exactly when its chunk is: the tenant policy,
 * plus any row whose chunk the caller may read (the chunk's own row policies apply inside).
 */
export const aiChunkEmbeddings = pgTable(
  'ai_chunk_embeddings',
  {
    chunkId: uuid('chunk_id')
      .primaryKey()
      .references(() => aiChunks.id, { onDelete: 'cascade' }),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id),
    model: text('model').notNull(),
    /** The chunk's version (sha256 of its text) when embedded. */
    chunkVersion: text('chunk_version').notNull(),
    vector: real('vector').array().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('ai_chunk_embeddings_entity_id_idx').on(table.entityId),
    tenantIsolationPolicy('ai_chunk_embeddings'),
    pgPolicy('ai_chunk_embeddings_chunk_read', {
      as: 'permissive',
      for: 'select',
      to: 'maillage_app',
      using: sql`EXISTS (SELECT 1 FROM ai_chunks c WHERE c.id = chunk_id)`,
    }),
  ],
).enableRLS();
