import { withOwnerClient } from '../db/index.js';
import { listEncryptedColumns } from './encrypted-columns.js';
/**
 * Re-encrypts under the active key every value written under an older one (`cipher.needsRotation`),
 * batch by batch, each batch its own transaction: interrupted, it resumes where it stopped.
 * Runs as the owner: a maintenance command acting across every branch, outside row-level security.
 * Once it reports zero everywhere, the old keys can leave ENCRYPTION_KEYS.
 */
export async function rotateEncryptionKeys(database, cipher, options = {}) {
    const batchSize = options.batchSize ?? 500;
    const results = [];
    for (const column of options.columns ?? listEncryptedColumns()) {
        const reencrypted = await withOwnerClient(database, (client) => rotateColumn(client, cipher, column, batchSize));
        results.push({ table: column.table, column: column.column, reencrypted });
    }
    return results;
}
async function rotateColumn(client, cipher, target, batchSize) {
    const table = quote(target.table);
    const id = quote(target.idColumn);
    const column = quote(target.column);
    // Values under the active key start with "<activeKeyId>:"; LIKE metacharacters cannot occur in a key id but `_`.
    const activePrefix = `${cipher.activeKeyId.replace(/_/g, '\\_')}:%`;
    let total = 0;
    let after = null;
    for (;;) {
        await client.query('BEGIN');
        try {
            const { rows } = await client.query(`SELECT ${id} AS id, ${column} AS value FROM ${table}
         WHERE ${column} IS NOT NULL AND ${column} NOT LIKE $1 AND ($2::text IS NULL OR ${id} > $3)
         ORDER BY ${id} LIMIT $4 FOR UPDATE`, [activePrefix, after === null ? null : String(after), after, batchSize]);
            for (const row of rows) {
                if (!cipher.needsRotation(row.value))
                    continue;
                await client.query(`UPDATE ${table} SET ${column} = $1 WHERE ${id} = $2`, [cipher.encrypt(cipher.decrypt(row.value)), row.id]);
                total += 1;
            }
            await client.query('COMMIT');
            if (rows.length < batchSize)
                return total;
            after = rows[rows.length - 1].id;
        }
        catch (error) {
            await client.query('ROLLBACK');
            throw new Error(`Key rotation of ${target.table}.${target.column} failed: ${error.message}`, { cause: error });
        }
    }
}
function quote(identifier) {
    return `"${identifier}"`;
}
//# sourceMappingURL=key-rotation.js.map