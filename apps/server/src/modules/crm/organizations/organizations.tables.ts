import { sql } from 'drizzle-orm';
import { check, customType, index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { entities } from '../../../platform/tenancy/entity-tree.tables.js';
import { tenantIsolationPolicy } from '../../../platform/tenancy/tenant-policy.js';

export const LINK_STATUSES = ['prospect', 'member', 'former_member'] as const;
export type LinkStatus = (typeof LINK_STATUSES)[number];

/** `derived`: attached to the union of its commune's département at creation; `manual`: chosen by staff. */
export const LINK_ORIGINS = ['derived', 'manual'] as const;
export type LinkOrigin = (typeof LINK_ORIGINS)[number];

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * A company's public identity: ONE row for the whole network, keyed by SIREN (ADR 0007). No tenant
 * policy: every member of staff may find it, so that two branches never create the same company twice.
 * Everything a branch knows about its relation with the company lives in `organization_links`.
 */
export const organizations = pgTable(
  'organizations',
  {
    id: uuid('id').primaryKey(),
    siren: text('siren').notNull(),
    name: text('name').notNull(),
    legalName: text('legal_name'),
    nafCode: text('naf_code'),
    /** The classification the code belongs to (NAF_REV2 today; NAF 2025 brings different codes). */
    nafVersion: text('naf_version'),
    /** INSEE "catégorie juridique" (4 digits, e.g. 5710 SAS). */
    legalForm: text('legal_form'),
    /** INSEE "tranche d'effectif salarié" code (00, 01, … 53). */
    headcountBand: text('headcount_band'),
    street: text('street'),
    postalCode: text('postal_code'),
    communeInsee: text('commune_insee'),
    communeName: text('commune_name'),
    departementCode: text('departement_code'),
    website: text('website'),
    /** E.164. */
    phone: text('phone'),
    /** French full text over name, legal name and commune, accents folded (immutable_unaccent, migration 0010). */
    search: tsvector('search').generatedAlwaysAs(
      sql`setweight(to_tsvector('french', immutable_unaccent(name)), 'A') || setweight(to_tsvector('french', immutable_unaccent(coalesce(legal_name, ''))), 'B') || setweight(to_tsvector('french', immutable_unaccent(coalesce(commune_name, ''))), 'C')`,
    ),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique('organizations_siren_unique').on(table.siren),
    index('organizations_departement_name_idx').on(table.departementCode, table.name, table.id),
    index('organizations_name_idx').on(table.name, table.id),
    index('organizations_naf_code_idx').on(table.nafCode),
    index('organizations_search_idx').using('gin', table.search),
    check('organizations_siren_format', sql`${table.siren} ~ '^[0-9]{9}$'`),
    check('organizations_naf_versioned', sql`(${table.nafCode} IS NULL) = (${table.nafVersion} IS NULL)`),
  ],
);

/**
 * A branch's relation with a company: status, tags and how it was attached. Tenant-owned (RLS):
 * visible to the entity and its ancestors only.
 */
export const organizationLinks = pgTable(
  'organization_links',
  {
    id: uuid('id').primaryKey(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id),
    status: text('status', { enum: LINK_STATUSES }).notNull().default('prospect'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    attachedBy: text('attached_by', { enum: LINK_ORIGINS }).notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    unique('organization_links_organization_entity_unique').on(table.organizationId, table.entityId),
    index('organization_links_entity_id_idx').on(table.entityId, table.status),
    check('organization_links_status', sql`${table.status} IN ('prospect', 'member', 'former_member')`),
    check('organization_links_attached_by', sql`${table.attachedBy} IN ('derived', 'manual')`),
    tenantIsolationPolicy('organization_links'),
  ],
).enableRLS();
