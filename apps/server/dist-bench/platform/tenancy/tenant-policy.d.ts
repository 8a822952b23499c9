/**
 * Row-level security for a tenant-owned table (one with an `entity_id` column): a transaction sees
 * and writes only rows of the entity subtrees named in `app.scope_roots`, unless it runs for the
 * system. The SQL functions are defined in the tenancy migration.
 */
export declare function tenantIsolationPolicy(table: string): import("drizzle-orm/pg-core").PgPolicy;
