import { buildApp, type AppContext } from './app.js';
import { ConfigError, loadConfig } from './platform/config/index.js';
import { firstStartBanner, seedOnFirstStart, type FirstStartReport } from './seed/first-start.js';

// A second signal while draining means "now": the operator gave up waiting.
const FORCED_EXIT_CODE = 130;

/**
 * Reads the configuration, builds the app and serves it: `--role=web` answers HTTP, `--role=worker`
 * runs background jobs, `all` (default) does both. An empty database is seeded at first start.
 * SIGTERM/SIGINT stop accepting connections, drain requests in flight and let running jobs finish.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  let context: AppContext | undefined;
  const app = await buildApp(config, { onContext: (built) => (context = built) });
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) process.exit(FORCED_EXIT_CODE);
    closing = true;
    app.log.info({ signal }, 'shutting down: draining requests and jobs');
    try {
      await app.close();
      process.exit(0);
    } catch (error) {
      app.log.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  const database = config.databaseUrl ? 'PostgreSQL' : `embedded PGlite in ${config.dataDir}`;
  await app.ready();
  // Before listening: the first request already finds the network and the demo accounts.
  const firstStart = await seedOnFirstStart(context!);
  if (config.role === 'worker') {
    printFirstStart(firstStart, config.publicUrl);
    console.log(`\nMaillage worker started (database: ${database}).`);
    return;
  }
  await app.listen({ host: config.host, port: config.port });
  printFirstStart(firstStart, config.publicUrl);
  console.log(`\nMaillage is running on ${config.publicUrl} (role: ${config.role}, database: ${database}).`);
}

// stdout, not the log: the generated demo password must not end up in log storage.
function printFirstStart(report: FirstStartReport | null, publicUrl: string): void {
  if (report) console.log(firstStartBanner(report, publicUrl));
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
