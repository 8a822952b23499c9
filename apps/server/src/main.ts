import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './platform/config/index.js';

/** Reads the configuration, builds the app and listens; SIGTERM drains HTTP and lets running jobs finish. */
async function main(): Promise<void> {
  const config = loadConfig();
  const app = await buildApp(config);
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: draining requests and jobs');
    await app.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  if (config.role === 'worker') {
    await app.ready();
    app.log.info('worker started');
    return;
  }
  await app.listen({ host: config.host, port: config.port });
  console.log(`\nMaillage is running on ${config.publicUrl} (role: ${config.role}, database: ${config.databaseUrl ? 'PostgreSQL' : 'embedded PGlite in ' + config.dataDir})`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exit(1);
});
