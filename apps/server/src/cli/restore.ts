import { resolve } from 'node:path';
import { loadConfig } from '../platform/config/index.js';
import { parseCliOptions } from '../platform/ops/cli-options.js';
import { OpsError } from '../platform/ops/ops-error.js';
import { restoreBackup } from '../platform/ops/restore.js';
import { runOpsCli } from '../platform/ops/run-ops-cli.js';

/**
 * `npm run restore -- <archive> [--force]`: restores a backup into the configured database and
 * DATA_DIR/media, which must be empty unless --force, then checks every table against the
 * manifest. Stop web and worker first; run `npm run audit:verify` afterwards.
 */
async function main(): Promise<number> {
  const options = parseCliOptions(process.argv.slice(2));
  const archive = options.positional[0];
  if (!archive) throw new OpsError('Usage : npm run restore -- <archive.tar> [--force]');
  const config = loadConfig();
  const { manifest, problems } = await restoreBackup(config, resolve(archive), { force: options.flags.has('force') });
  if (problems.length > 0) {
    console.error(`Restore finished but differs from the manifest:\n- ${problems.join('\n- ')}`);
    return 1;
  }
  console.log(`Restored the ${manifest.engine} backup of ${manifest.createdAt}: ${manifest.tables.length} tables and ${manifest.media.length} media files match the manifest.`);
  console.log('Next: npm run audit:verify, then start web and worker with the same ENCRYPTION_KEYS and BLIND_INDEX_KEY.');
  return 0;
}

runOpsCli(main);
