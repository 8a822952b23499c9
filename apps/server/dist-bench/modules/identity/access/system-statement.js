import { scopePreamble } from '../../../platform/db/transaction.js';
/**
 * Runs one statement in a system-scoped transaction in a single round trip (BEGIN, role, scope,
 * statement and COMMIT sent together over the simple protocol). This is what keeps the per-request
 * credential lookup to one round trip. The simple protocol takes no parameters, so callers inline
 * only values they produced and validated themselves (hex digests, integers).
 */
export async function runSystemStatement(database, statement) {
    const client = await database.pool.connect();
    let broken;
    try {
        const results = (await client.query(`${scopePreamble({ kind: 'system' }, false)}; ${statement}; COMMIT`));
        // One result per statement: the preamble's, then the statement's, then COMMIT's.
        return results[results.length - 2]?.rows ?? [];
    }
    catch (error) {
        try {
            await client.query('ROLLBACK');
        }
        catch (rollbackError) {
            broken = rollbackError;
        }
        throw error;
    }
    finally {
        client.release(broken);
    }
}
const HEX = /^[0-9a-f]{64}$/;
/** A sha256 hex digest, checked before it is inlined into SQL. */
export function sqlDigest(digest) {
    if (!HEX.test(digest))
        throw new Error('Refusing to inline a value that is not a sha256 hex digest');
    return `'${digest}'`;
}
//# sourceMappingURL=system-statement.js.map