import { resolve } from 'node:path';
import { loadConfig } from '../platform/config/index.js';
import { createBackup } from '../platform/ops/backup.js';
import { parseCliOptions, timestampedName } from '../platform/ops/cli-options.js';
import { runOpsCli } from '../platform/ops/run-ops-cli.js';

/**
 * `npm run backup [-- --output=file.tar]`: one archive with the database dump (pg_dump from one
 * snapshot on PostgreSQL, the data directory on PGlite), DATA_DIR/media and a manifest. PostgreSQL
 * is backed up online; with embedded PGlite, stop the server first.
 */
async function main(): Promise<number> {
  const options = parseCliOptions(process.argv.slice(2));
  const config = loadConfig();
  const archive = resolve(options.values.get('output') ?? timestampedName('maillage-backup', '.tar'));
  const manifest = await createBackup(config, archive);
  const rows = manifest.tables.reduce((sum, table) => sum + table.rows, 0);
  console.log(
    `Backup written to ${archive}: ${manifest.engine}, ${manifest.migrations.applied} migrations, ${manifest.tables.length} tables (${rows} rows), ${manifest.media.length} media files.`,
  );
  console.log('Keep ENCRYPTION_KEYS and BLIND_INDEX_KEY in your vault: the backup is useless without them.');
  return 0;
}

runOpsCli(main);
