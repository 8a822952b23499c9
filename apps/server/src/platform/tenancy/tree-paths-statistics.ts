import { withOwnerClient, type Database } from '../db/index.js';

/**
 * Vacuums and analyses the closure table, which the tenant policies probe for every row they show
 * (ADR 0032). The probe is answered from the (descendant, ancestor) index alone only once the table's
 * visibility map is set and the planner's statistics say so; before that it plans a bitmap scan
 * reading the table, two to five times slower. Autovacuum leaves a table of a few hundred rows alone
 * (1,000 inserts by default; off on some hosts), so this runs after migrating, after seeding the
 * network and after each change of the tree: a few pages, about a millisecond.
 */
export async function refreshTreePathsStatistics(database: Database): Promise<void> {
  await withOwnerClient(database, (client) => client.query('VACUUM (ANALYZE) entity_tree_paths'));
}
