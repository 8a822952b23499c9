import { buildApp, type AppContext } from '../app.js';
import { ConfigError, loadConfig } from '../platform/config/index.js';
import { generateDemoPassword } from '../seed/demo-password.js';
import { runSeed, type SeedRun, type SeedScale } from '../seed/seed-steps.js';
import { runCli } from './run-cli.js';

/**
 * `npm run seed [-- --scale=small|full] [--seed=N]`: runs every seed step on the configured database. Steps are
 * idempotent: they create what is missing and never overwrite, so this also completes a seed that
 * stopped halfway. Outside production it creates the demo accounts, with MAILLAGE_DEMO_PASSWORD or a
 * generated password printed once (accounts that already exist keep theirs). In production only
 * reference data (the network) is written. `--scale` sets the volume of demo business data for
 * the modules that generate some (CRM: 2,000 companies, or 250,000 with their 400,000 contacts and
 * 1,000,000 interactions); `small` by default. `--seed` picks another deterministic data set (1 by default).
 * With embedded PGlite, stop the server first: the data directory takes one process at a time.
 */
async function main(): Promise<void> {
  const scale = parseScale(process.argv.slice(2));
  const seed = parseSeed(process.argv.slice(2));
  // A web-role app: the seed needs the modules' context, not the job workers.
  const config = loadConfig({ LOG_LEVEL: 'warn', ...process.env }, ['--role=web']);
  const demoPassword = config.nodeEnv === 'production' ? null : (config.demoPassword ?? generateDemoPassword());
  let context: AppContext | undefined;
  const app = await buildApp(config, { onContext: (built) => (context = built) });
  let run: SeedRun;
  try {
    // Ready first: the identity module syncs the system roles the demo grants refer to.
    await app.ready();
    run = await runSeed(context!, { scale, demoPassword, seed, log: (message) => console.log(message) });
  } finally {
    await app.close();
  }
  for (const step of run.steps) console.log(`${step.name}: ${step.summary}`);
  if (run.createdLogins.length > 0) {
    console.log(`Demo accounts created: ${run.createdLogins.join(', ')}`);
    console.log(config.demoPassword ? 'Password: the value of MAILLAGE_DEMO_PASSWORD' : `Password (generated, shown only now): ${demoPassword}`);
  } else if (run.demoSkipped) {
    console.log('Demo data skipped (never in production).');
  }
}

function parseScale(args: string[]): SeedScale {
  const value = args.find((arg) => arg.startsWith('--scale='))?.slice('--scale='.length) ?? 'small';
  if (value !== 'small' && value !== 'full') throw new ConfigError('--scale', `must be small or full (got "${value}")`);
  return value;
}

function parseSeed(args: string[]): number {
  const value = args.find((arg) => arg.startsWith('--seed='))?.slice('--seed='.length) ?? '1';
  if (!/^\d{1,9}$/.test(value)) throw new ConfigError('--seed', `must be a non-negative integer (got "${value}")`);
  return Number(value);
}

runCli(main);
