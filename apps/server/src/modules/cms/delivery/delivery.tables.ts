import { bigint, customType, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { entities } from '../../../platform/tenancy/entity-tree.tables.js';
import { tenantIsolationPolicy } from '../../../platform/tenancy/tenant-policy.js';
import { cmsSites } from '../sites/sites.tables.js';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * The "publication generation" of each public site: a counter bumped by database triggers (custom
 * migration `cms_delivery_triggers`) whenever anything the public sees of the site changes — a
 * content goes live, changes or goes away, the site's theme or menus, its categories, the
 * syndications it receives. Every instance keys its rendered-page cache on it (ADR 0016), so a
 * publication made through any instance, API or scheduled job invalidates every cache.
 */
export const cmsSiteGenerations = pgTable(
  'cms_site_generations',
  {
    siteId: uuid('site_id')
      .primaryKey()
      .references(() => cmsSites.id, { onDelete: 'cascade' }),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id),
    generation: bigint('generation', { mode: 'number' }).notNull().default(1),
    /** When the public content of the site last changed (Last-Modified of its pages). */
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('cms_site_generations_entity_id_idx').on(table.entityId), tenantIsolationPolicy('cms_site_generations')],
).enableRLS();

/**
 * One row per live, public content item, with its French full-text vector (title weighted A,
 * summary B, body C; accents removed). Maintained by the same triggers: members-only and unpublished
 * items never have a row, so search cannot leak them.
 */
export const cmsSearchDocuments = pgTable(
  'cms_search_documents',
  {
    contentId: uuid('content_id').primaryKey(),
    siteId: uuid('site_id')
      .notNull()
      .references(() => cmsSites.id, { onDelete: 'cascade' }),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id),
    kind: text('kind').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    search: tsvector('search').notNull(),
  },
  (table) => [
    index('cms_search_documents_entity_id_idx').on(table.entityId),
    index('cms_search_documents_site_idx').on(table.siteId),
    index('cms_search_documents_search_idx').using('gin', table.search),
    tenantIsolationPolicy('cms_search_documents'),
  ],
).enableRLS();

