const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;
const registry = new Map();
/**
 * Declares a column whose values `keys:rotate` re-encrypts under the active key. Call it at module
 * load, in a file the app imports (e.g. next to the table definition), so that the CLI sees it.
 */
export function registerEncryptedColumn(column) {
    for (const name of [column.table, column.idColumn, column.column]) {
        if (!IDENTIFIER.test(name))
            throw new Error(`Invalid SQL identifier for an encrypted column: "${name}"`);
    }
    registry.set(`${column.table}.${column.column}`, { ...column });
}
export function listEncryptedColumns() {
    return [...registry.values()].sort((a, b) => `${a.table}.${a.column}`.localeCompare(`${b.table}.${b.column}`));
}
//# sourceMappingURL=encrypted-columns.js.map