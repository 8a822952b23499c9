import type { AppContext } from '../app.js';
import { networkExists } from '../modules/entities/index.js';
import { DEMO_ACCOUNTS } from '../modules/identity/index.js';
import { withOwnerClient } from '../platform/db/index.js';
import { generateDemoPassword } from './demo-password.js';
import { runSeed, type SeedRun } from './seed-steps.js';

export interface FirstStartReport {
  run: SeedRun;
  /** Null when no demo account was created (production). */
  demo: { password: string; generated: boolean; logins: Array<{ email: string; description: string }> } | null;
}

// Any constant: the same for every process that may start on this database.
const FIRST_START_LOCK_ID = 7_242_002;

/**
 * Seeds a database that has no national entity yet (a fresh install): the network, then the demo
 * accounts and data outside production. Returns null when the database was already set up, so a
 * restart never reseeds nor shows a new password. Several processes starting together on one
 * PostgreSQL seed once (advisory lock); PGlite serves a single process.
 */
export async function seedOnFirstStart(context: AppContext): Promise<FirstStartReport | null> {
  if (await networkExists(context.database)) return null;
  if (context.database.kind === 'pglite') return seedFreshDatabase(context);
  // The lock holder stays idle while the seed uses other pool connections (PostgreSQL only).
  return withOwnerClient(context.database, async (client) => {
    await client.query('SELECT pg_advisory_lock($1)', [FIRST_START_LOCK_ID]);
    try {
      return (await networkExists(context.database)) ? null : await seedFreshDatabase(context);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [FIRST_START_LOCK_ID]);
    }
  });
}

async function seedFreshDatabase(context: AppContext): Promise<FirstStartReport> {
  const production = context.config.nodeEnv === 'production';
  const configured = context.config.demoPassword;
  const password = production ? null : (configured ?? generateDemoPassword());
  const run = await runSeed(context, { scale: 'small', demoPassword: password });
  // The seed wrote as the owner: snapshots taken while the app was getting ready would lack the
  // network and the demo flags (the assistant would stay off until the next periodic refresh).
  context.entityTree.invalidate();
  await context.flags.refresh();
  const logins = DEMO_ACCOUNTS.filter((account) => run.createdLogins.includes(account.email)).map((account) => ({
    email: account.email,
    description: account.displayName,
  }));
  const demo = password === null || logins.length === 0 ? null : { password, generated: configured === undefined, logins };
  return { run, demo };
}

/** The lines main prints once, at first start. The password appears here and nowhere else. */
export function firstStartBanner(report: FirstStartReport, publicUrl: string): string {
  const lines = ['', `First start: the database was seeded (${report.run.steps.map((step) => `${step.name}: ${step.summary}`).join('; ')}).`];
  if (report.demo) {
    lines.push(`Demo accounts on ${publicUrl}:`);
    for (const login of report.demo.logins) lines.push(`  ${login.email.padEnd(28)} ${login.description}`);
    lines.push(
      report.demo.generated
        ? `  Password (generated, shown only now): ${report.demo.password}`
        : '  Password: the value of MAILLAGE_DEMO_PASSWORD',
    );
  } else {
    lines.push('No demo account was created (never in production).');
  }
  return lines.join('\n');
}
