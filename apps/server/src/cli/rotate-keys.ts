import { recordAudit, SYSTEM_ACTOR } from '../platform/audit/index.js';
import { loadConfig } from '../platform/config/index.js';
import { FieldCipher, listEncryptedColumns, rotateEncryptionKeys } from '../platform/crypto/index.js';
import { openDatabase, withTransaction } from '../platform/db/index.js';
import { runCli } from './run-cli.js';

/**
 * `npm run keys:rotate`: after putting a new key first in ENCRYPTION_KEYS (old keys kept after it),
 * re-encrypts every registered column under it. When it reports nothing left, the old keys can be
 * removed. With embedded PGlite, stop the server first.
 */
async function main(): Promise<number> {
  const config = loadConfig();
  // The app's import graph loads every module, and with them their registerEncryptedColumn calls.
  await import('../app.js');
  const cipher = new FieldCipher(config.encryptionKeys, config.blindIndexKey);
  const database = await openDatabase(config);
  try {
    console.log(`Active key: ${cipher.activeKeyId}; ${listEncryptedColumns().length} encrypted column(s) registered.`);
    const results = await rotateEncryptionKeys(database, cipher);
    for (const result of results) console.log(`  ${result.table}.${result.column}: ${result.reencrypted} value(s) re-encrypted`);
    const total = results.reduce((sum, result) => sum + result.reencrypted, 0);
    await withTransaction(database, { kind: 'system' }, (tx) =>
      recordAudit(tx, {
        action: 'platform.encryption_keys.rotated',
        resourceType: 'encryption_key',
        resourceId: cipher.activeKeyId,
        entityId: null,
        after: { reencrypted: total, columns: results.map((result) => `${result.table}.${result.column}`) },
        actor: SYSTEM_ACTOR,
      }),
    );
    console.log(`Done: ${total} value(s) re-encrypted under "${cipher.activeKeyId}". Older keys may now leave ENCRYPTION_KEYS.`);
    return 0;
  } finally {
    await database.close();
  }
}

runCli(main);
