import { buildApp, type AppContext } from '../app.js';
import { ConfigError, loadConfig } from '../platform/config/index.js';
import { seedNetwork } from '../modules/entities/index.js';
import { createNationalAdministrator } from '../modules/identity/index.js';
import { runCli } from './run-cli.js';

/**
 * `npm run admin:create -- --email=… --name="…"`: the first national administrator of an instance
 * (in production no demo account exists). Prints a temporary password once; it must be changed at
 * first sign-in. An existing account is left untouched. With PGlite, stop the server first.
 */
async function main(): Promise<void> {
  const args = new Map(process.argv.slice(2).map((arg) => arg.replace(/^--/, '').split('=') as [string, string]));
  const email = args.get('email');
  if (!email) throw new ConfigError('--email', 'is required, e.g. --email=dsi@example.org');
  const config = loadConfig({ LOG_LEVEL: 'warn', ...process.env }, ['--role=web']);
  // The whole app, so that every module's permissions are in the catalogue the system roles cover.
  let context: AppContext | undefined;
  const app = await buildApp(config, { onContext: (built) => (context = built) });
  try {
    await app.ready();
    await seedNetwork(context!.database);
    const result = await createNationalAdministrator(context!.database, { email, displayName: args.get('name') ?? 'Administration nationale' });
    console.log(
      result.created
        ? `National administrator ${email} created. Temporary password (shown only now, to change at first sign-in): ${result.temporaryPassword}`
        : `${email} already exists: nothing changed.`,
    );
  } finally {
    await app.close();
  }
}

runCli(main);
