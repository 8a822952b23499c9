import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { entities } from '../../../platform/tenancy/entity-tree.tables.js';
import { tenantIsolationPolicy } from '../../../platform/tenancy/tenant-policy.js';

/** Theme settings of a public site; colours are `#rrggbb`. */
export interface SiteTheme {
  logoMediaId: string | null;
  primaryColour: string;
  accentColour: string;
  footerText: string;
}

/** One navigation entry: a link to a content item of the site, or an external/absolute URL. */
export interface MenuItem {
  label: string;
  contentId?: string;
  url?: string;
  children?: MenuItem[];
}

/** Navigation menus of a site, by location. */
export interface SiteMenus {
  main: MenuItem[];
  footer: MenuItem[];
}

/**
 * The public website of an entity (at most one per entity). Reachable by its host names and, in
 * embedded mode, at `/sites/<slug>/…`. Public delivery reads it under the system scope.
 */
export const cmsSites = pgTable(
  'cms_sites',
  {
    id: uuid('id').primaryKey(),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    theme: jsonb('theme').$type<SiteTheme>().notNull(),
    hostNames: text('host_names').array().notNull().default(sql`'{}'::text[]`),
    menus: jsonb('menus').$type<SiteMenus>().notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique('cms_sites_entity_unique').on(table.entityId),
    unique('cms_sites_slug_unique').on(table.slug),
    index('cms_sites_host_names_idx').using('gin', table.hostNames),
    check('cms_sites_slug_format', sql`${table.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    tenantIsolationPolicy('cms_sites'),
  ],
).enableRLS();
