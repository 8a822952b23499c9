export { openDatabase, openPglite } from './database.js';
export { withTransaction, withOwnerClient, APP_ROLE } from './transaction.js';
export { runMigrations, migrationsUpToDate, MIGRATIONS_FOLDER } from './migrate.js';
export { newId } from './ids.js';
//# sourceMappingURL=index.js.map