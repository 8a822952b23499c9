import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { entities } from '../../../platform/tenancy/entity-tree.tables.js';
import { tenantIsolationPolicy } from '../../../platform/tenancy/tenant-policy.js';
import { cmsContents } from '../contents/contents.tables.js';
import { cmsSites } from '../sites/sites.tables.js';

/**
 * `offered`: waiting in the target's inbox, already shown on the target site (the issue: "each
 * receiving site shows it unless its publishers decline it"); `accepted`: confirmed; `declined`:
 * hidden; `withdrawn`: the origin took the offer back.
 */
export const SYNDICATION_STATUSES = ['offered', 'accepted', 'declined', 'withdrawn'] as const;
export type SyndicationStatus = (typeof SYNDICATION_STATUSES)[number];

/**
 * An article of an origin site offered to a descendant entity's site, by reference: the target
 * shows the origin's *current published revision* (updates flow, unpublication removes it).
 * `entity_id` is the target site's entity, so the target's staff see their inbox and the origin
 * (an ancestor) sees every row of its offers through RLS.
 */
export const cmsSyndications = pgTable(
  'cms_syndications',
  {
    id: uuid('id').primaryKey(),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id),
    contentId: uuid('content_id')
      .notNull()
      .references(() => cmsContents.id, { onDelete: 'cascade' }),
    originSiteId: uuid('origin_site_id')
      .notNull()
      .references(() => cmsSites.id),
    targetSiteId: uuid('target_site_id')
      .notNull()
      .references(() => cmsSites.id),
    status: text('status', { enum: SYNDICATION_STATUSES }).notNull().default('offered'),
    offeredBy: uuid('offered_by'),
    offeredAt: timestamp('offered_at', { withTimezone: true }).notNull().defaultNow(),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (table) => [
    unique('cms_syndications_content_target_unique').on(table.contentId, table.targetSiteId),
    index('cms_syndications_entity_id_idx').on(table.entityId),
    index('cms_syndications_target_idx').on(table.targetSiteId, table.status),
    check('cms_syndications_status', sql`${table.status} IN ('offered', 'accepted', 'declined', 'withdrawn')`),
    check('cms_syndications_not_self', sql`${table.originSiteId} <> ${table.targetSiteId}`),
    tenantIsolationPolicy('cms_syndications'),
  ],
).enableRLS();
