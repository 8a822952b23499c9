import { drizzle } from 'drizzle-orm/node-postgres';
/** The role application queries run as, so that row-level security applies (the owner bypasses it). */
export const APP_ROLE = 'maillage_app';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/**
 * One round trip opens the transaction, switches to the application role and sets the scope:
 * the values are inlined (a simple-protocol multi-statement), which is safe because every
 * value is checked to be a UUID first.
 */
export function scopePreamble(scope, readOnly) {
    const begin = readOnly ? 'BEGIN READ ONLY' : 'BEGIN';
    if (scope.kind === 'system') {
        return `${begin}; SET LOCAL ROLE ${APP_ROLE}; SET LOCAL app.scope_system = 'on'`;
    }
    const ids = [...scope.entityRoots, ...(scope.userId ? [scope.userId] : [])];
    for (const id of ids) {
        if (!UUID.test(id))
            throw new Error(`Refusing a scope with a malformed id: ${id}`);
    }
    return [
        begin,
        `SET LOCAL ROLE ${APP_ROLE}`,
        `SET LOCAL app.scope_roots = '${scope.entityRoots.join(',')}'`,
        `SET LOCAL app.user_id = '${scope.userId ?? ''}'`,
    ].join('; ');
}
export async function withTransaction(database, scope, work, options = {}) {
    const client = await database.pool.connect();
    const callbacks = [];
    let released = false;
    try {
        await client.query(scopePreamble(scope, options.readOnly ?? false));
        const tx = { client, db: drizzle(client), scope, afterCommit: (cb) => callbacks.push(cb) };
        const result = await work(tx);
        await client.query('COMMIT');
        for (const callback of callbacks)
            callback();
        return result;
    }
    catch (error) {
        try {
            await client.query('ROLLBACK');
        }
        catch (rollbackError) {
            // The connection is broken: do not return it to the pool.
            client.release(rollbackError);
            released = true;
        }
        throw error;
    }
    finally {
        if (!released)
            client.release();
    }
}
/** Runs as the database owner, outside row-level security: migrations, seeds, maintenance commands only. */
export async function withOwnerClient(database, work) {
    const client = await database.pool.connect();
    try {
        return await work(client);
    }
    finally {
        client.release();
    }
}
//# sourceMappingURL=transaction.js.map