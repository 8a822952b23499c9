import { resolve } from 'node:path';
import { loadConfig } from '../platform/config/index.js';
import { FieldCipher, listEncryptedColumns } from '../platform/crypto/index.js';
import { openDatabase } from '../platform/db/index.js';
import { parseCliOptions, timestampedName } from '../platform/ops/cli-options.js';
import { OpsError } from '../platform/ops/ops-error.js';
import { exportEntity } from '../platform/ops/reversibility/export-entity.js';
import { runOpsCli } from '../platform/ops/run-ops-cli.js';

/**
 * `npm run export -- --entity=<code> [--output=dir]`: everything the entity and its subtree own,
 * in open formats (JSON Lines + CSV per table, media files, manifest with checksums; see
 * docs/reversibility.md). Encrypted fields are written in clear: protect the result.
 */
async function main(): Promise<number> {
  const options = parseCliOptions(process.argv.slice(2));
  const entityCode = options.values.get('entity');
  if (!entityCode) throw new OpsError('Usage : npm run export -- --entity=<code> [--output=répertoire]');
  const config = loadConfig();
  // The app's import graph loads every module, and with them their registerEncryptedColumn calls.
  await import('../app.js');
  const outputDir = resolve(options.values.get('output') ?? timestampedName(`maillage-export-${entityCode}`, ''));
  const database = await openDatabase(config);
  try {
    const manifest = await exportEntity(database, {
      entityCode,
      outputDir,
      dataDir: config.dataDir,
      cipher: new FieldCipher(config.encryptionKeys, config.blindIndexKey),
      encryptedColumns: listEncryptedColumns(),
    });
    const rows = manifest.tables.reduce((sum, table) => sum + table.rows, 0);
    console.log(`Exported ${manifest.entity.code} (${manifest.entity.name}) to ${outputDir}: ${manifest.tables.length} tables, ${rows} rows, ${manifest.media.length} media files.`);
    if (manifest.decryptedColumns.length > 0) console.log(`In clear in this export: ${manifest.decryptedColumns.join(', ')}. Store it encrypted.`);
    return 0;
  } finally {
    await database.close();
  }
}

runOpsCli(main);
