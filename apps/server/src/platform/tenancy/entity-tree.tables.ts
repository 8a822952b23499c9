import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, text, timestamp, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';

export const ENTITY_KINDS = ['national', 'region', 'departement', 'federation', 'other'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

/** The network tree, backbone of tenancy. Shared reference data: every member of staff may read it (no RLS). */
export const entities = pgTable(
  'entities',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind', { enum: ENTITY_KINDS }).notNull(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    parentId: uuid('parent_id').references((): AnyPgColumn => entities.id),
    siren: text('siren'),
    legalName: text('legal_name'),
    addressLine: text('address_line'),
    postalCode: text('postal_code'),
    city: text('city'),
    /** INSEE code of the region or département the entity covers (null for national and federations). */
    inseeCode: text('insee_code'),
    email: text('email'),
    phone: text('phone'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('entities_parent_id_idx').on(table.parentId),
    check('entities_siren_format', sql`${table.siren} IS NULL OR ${table.siren} ~ '^[0-9]{9}$'`),
    check('entities_national_is_root', sql`(${table.kind} = 'national') = (${table.parentId} IS NULL)`),
  ],
);

/**
 * Closure table of the tree (every ancestor/descendant pair, self included at depth 0), kept by a
 * trigger. RLS policies look a row's entity up in it with its scope's roots (`entityInScope`): the
 * (descendant, ancestor) index answers that from the index alone.
 */
export const entityTreePaths = pgTable(
  'entity_tree_paths',
  {
    ancestorId: uuid('ancestor_id').notNull().references(() => entities.id, { onDelete: 'cascade' }),
    descendantId: uuid('descendant_id').notNull().references(() => entities.id, { onDelete: 'cascade' }),
    depth: integer('depth').notNull(),
  },
  (table) => [primaryKey({ columns: [table.ancestorId, table.descendantId] }), index('entity_tree_paths_descendant_ancestor_idx').on(table.descendantId, table.ancestorId)],
);
