import { sql } from 'drizzle-orm';
import { pgPolicy } from 'drizzle-orm/pg-core';
/**
 * Row-level security for a tenant-owned table (one with an `entity_id` column): a transaction sees
 * and writes only rows of the entity subtrees named in `app.scope_roots`, unless it runs for the
 * system. The SQL functions are defined in the tenancy migration.
 */
export function tenantIsolationPolicy(table) {
    const visible = sql `app_scope_is_system() OR entity_id IN (SELECT app_scope_entity_ids())`;
    return pgPolicy(`${table}_tenant_isolation`, { as: 'permissive', for: 'all', to: 'maillage_app', using: visible, withCheck: visible });
}
//# sourceMappingURL=tenant-policy.js.map