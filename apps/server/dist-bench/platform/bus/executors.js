/** pg-boss on our shared pool (PGlite or PostgreSQL), as the database owner: schema upkeep, fetching, completing. */
export function poolExecutor(pool) {
    return { executeSql: (text, values) => pool.query(text, values) };
}
/** pg-boss statements on a business transaction's connection, as the application role: they commit with it. */
export function txExecutor(tx) {
    return { executeSql: (text, values) => tx.client.query(text, values) };
}
//# sourceMappingURL=executors.js.map