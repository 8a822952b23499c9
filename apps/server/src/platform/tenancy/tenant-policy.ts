import { sql } from 'drizzle-orm';
import { pgPolicy } from 'drizzle-orm/pg-core';

/**
 * True when the row's entity (`column`) lies in one of the subtrees named in `app.scope_roots`, for
 * rows read: one probe of the closure table's (descendant, ancestor) index per row, or a hash of the
 * scope's entities when the planner expects many rows (ADR 0032). `app_scope_roots()` is an inlined
 * SQL function (migration 0057).
 */
export function entityInScope(column: string): string {
  return `EXISTS (SELECT 1 FROM entity_tree_paths scope_path WHERE scope_path.descendant_id = ${column} AND scope_path.ancestor_id = ANY (app_scope_roots()))`;
}

/**
 * The same test for rows written: the scope's entities hashed once per statement, which costs less
 * than a probe per row when a statement inserts hundreds of rows (imports), and the same for one.
 */
export function entityAmongScope(column: string): string {
  return `${column} IN (SELECT scope_path.descendant_id FROM entity_tree_paths scope_path WHERE scope_path.ancestor_id = ANY (app_scope_roots()))`;
}

/** What every tenant table's policy lets a transaction see, and write. */
export const TENANT_ROW_IN_SCOPE = `app_scope_is_system() OR ${entityInScope('entity_id')}`;
export const TENANT_ROW_WRITABLE = `app_scope_is_system() OR ${entityAmongScope('entity_id')}`;

/**
 * Row-level security for a tenant-owned table (one with an `entity_id` column): a transaction sees
 * and writes only rows of the entity subtrees named in `app.scope_roots`, unless it runs for the
 * system. The SQL functions are defined in the tenancy migrations.
 */
export function tenantIsolationPolicy(table: string) {
  return pgPolicy(`${table}_tenant_isolation`, {
    as: 'permissive',
    for: 'all',
    to: 'maillage_app',
    using: sql.raw(TENANT_ROW_IN_SCOPE),
    withCheck: sql.raw(TENANT_ROW_WRITABLE),
  });
}
