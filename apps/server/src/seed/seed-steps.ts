import type { AppContext } from '../app.js';
import { seedAiDemo } from '../modules/ai/index.js';
import { seedCrmDemo } from '../modules/crm/index.js';
import { seedCmsDemo } from '../modules/cms/index.js';
import { seedEventsDemo } from '../modules/events/index.js';
import { seedMembershipsDemo } from '../modules/membership/index.js';
import { seedNetwork } from '../modules/entities/index.js';
import { seedDemoAccounts } from '../modules/identity/index.js';
import { seedMandatesDemo } from '../modules/mandates/index.js';

export type SeedScale = 'small' | 'full';

export interface SeedOptions {
  /** Volume of demo business data (CRM, memberships…), for the modules that generate some. */
  scale: SeedScale;
  /** Password of every demo account; demo steps are skipped when null. */
  demoPassword: string | null;
  /** Seed of the demo data generators: the same seed gives the same data. Default 1. */
  seed?: number;
  /** Progress of long steps (the CLI prints it; `full` takes minutes). */
  log?: (message: string) => void;
}

export interface SeedStep {
  name: string;
  /**
   * Demo steps create fictitious accounts and records: never run in production, nor without a
   * password. Reference steps (the network) are useful everywhere.
   */
  kind: 'reference' | 'demo';
  /** Idempotent: creates what is missing, never overwrites what exists. */
  run(context: AppContext, options: SeedOptions): Promise<SeedStepResult>;
}

export interface SeedStepResult {
  /** One line for the console. */
  summary: string;
  /** Accounts created by this run with the demo password (existing ones keep theirs). */
  createdLogins?: string[];
}

/**
 * What a fresh database receives, in dependency order. A module with demo data appends its step
 * here (after the steps its data refers to: entities, then accounts, then CRM, then membership…).
 */
export const SEED_STEPS: readonly SeedStep[] = [
  {
    name: 'network',
    kind: 'reference',
    run: async (context) => {
      const result = await seedNetwork(context.database);
      return { summary: `${result.created} entities created (${result.expected} in the network)` };
    },
  },
  {
    name: 'demo accounts',
    kind: 'demo',
    run: async (context, options) => {
      const { created } = await seedDemoAccounts(context, { password: options.demoPassword! });
      return { summary: `${created.length} accounts created`, createdLogins: created };
    },
  },
  {
    name: 'CRM demo',
    kind: 'demo',
    run: async (context, options) => {
      let reported = 0;
      const result = await seedCrmDemo(context.database, {
        scale: options.scale,
        ...(options.seed === undefined ? {} : { seed: options.seed }),
        onProgress: (done, total) => {
          // A line per tenth: silent for `small`, a heartbeat for `full`.
          if (total >= 10_000 && done >= reported + total / 10) {
            reported = done;
            options.log?.(`CRM demo: ${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')} companies`);
          }
        },
      });
      if (result.alreadyPresent) return { summary: `already present (${result.companiesExpected} companies for this scale and seed)` };
      const { companies, contacts, interactions } = result.created;
      return { summary: `${companies} companies, ${contacts} contacts, ${interactions} interactions created` };
    },
  },
  { name: 'events demo', kind: 'demo', run: async (context) => ({ summary: `${(await seedEventsDemo(context.database)).created} events created` }) },
  { name: 'mandates demo', kind: 'demo', run: async (context) => ({ summary: `${(await seedMandatesDemo(context.database)).created} mandates created` }) },
  { name: 'memberships demo', kind: 'demo', run: async (context) => ({ summary: `${(await seedMembershipsDemo(context.database)).memberships} memberships created` }) },
  { name: 'CMS demo', kind: 'demo', run: async (context) => ({ summary: (await seedCmsDemo(context)).summary }) },
  { name: 'AI demo', kind: 'demo', run: async (context) => seedAiDemo(context.database) },
];

export interface SeedRun {
  steps: Array<{ name: string; summary: string }>;
  /** Demo accounts created by this run: the demo password applies to these. */
  createdLogins: string[];
  /** Demo steps were skipped (production, or no password given). */
  demoSkipped: boolean;
}

export async function runSeed(context: AppContext, options: SeedOptions, steps: readonly SeedStep[] = SEED_STEPS): Promise<SeedRun> {
  const demoAllowed = context.config.nodeEnv !== 'production' && options.demoPassword !== null;
  const run: SeedRun = { steps: [], createdLogins: [], demoSkipped: !demoAllowed };
  for (const step of steps) {
    if (step.kind === 'demo' && !demoAllowed) continue;
    let result: SeedStepResult;
    try {
      result = await step.run(context, options);
    } catch (error) {
      // Every step is idempotent: running the seed again resumes where this one stopped.
      throw new Error(`Seeding failed at step "${step.name}"; fix the cause, then run \`npm run seed\`.`, { cause: error });
    }
    run.steps.push({ name: step.name, summary: result.summary });
    run.createdLogins.push(...(result.createdLogins ?? []));
  }
  return run;
}
