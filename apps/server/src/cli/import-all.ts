import { resolve } from 'node:path';
import { sealAuditEvents } from '../platform/audit/audit-chain.js';
import { loadConfig } from '../platform/config/index.js';
import { FieldCipher } from '../platform/crypto/index.js';
import { openDatabase, runMigrations } from '../platform/db/index.js';
import { parseCliOptions } from '../platform/ops/cli-options.js';
import { OpsError } from '../platform/ops/ops-error.js';
import { importEntityExport } from '../platform/ops/reversibility/import-entity.js';
import { runOpsCli } from '../platform/ops/run-ops-cli.js';

/**
 * `npm run import -- <export directory>`: loads an export into a new instance before its first
 * start (the command migrates the database first), re-encrypting under this instance's keys and
 * sealing the imported audit events into its chain. With embedded PGlite, no server may be running.
 */
async function main(): Promise<number> {
  const options = parseCliOptions(process.argv.slice(2));
  const inputDir = options.positional[0];
  if (!inputDir) throw new OpsError('Usage : npm run import -- <répertoire de l’export>');
  const config = loadConfig();
  const database = await openDatabase(config);
  try {
    await runMigrations(database);
    const manifest = await importEntityExport(database, {
      inputDir: resolve(inputDir),
      dataDir: config.dataDir,
      cipher: new FieldCipher(config.encryptionKeys, config.blindIndexKey),
    });
    const sealed = await sealAuditEvents(database);
    const rows = manifest.tables.reduce((sum, table) => sum + table.rows, 0);
    console.log(`Imported ${manifest.entity.code} (${manifest.entity.name}): ${manifest.tables.length} tables, ${rows} rows, ${manifest.media.length} media files; ${sealed} audit events sealed.`);
    return 0;
  } finally {
    await database.close();
  }
}

runOpsCli(main);
