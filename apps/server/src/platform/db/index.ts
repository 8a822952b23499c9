export { openDatabase, openPglite, type Database, type DatabaseKind, type PgliteDatabase } from './database.js';
export { withTransaction, withOwnerClient, APP_ROLE, type DbScope, type Tx } from './transaction.js';
export { runMigrations, migrationsUpToDate, MIGRATIONS_FOLDER } from './migrate.js';
export { newId } from './ids.js';
export { arrayRows, decodedRow, selectionDecoders, type FlatSelection, type SelectionDecoders } from './selected-rows.js';
export { isoTimestamp, TIMESTAMPTZ_AS_TEXT, type TimestamptzValue } from './timestamps.js';
