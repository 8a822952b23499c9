import { seedNetwork } from '../modules/entities/index.js';
import { seedDemoAccounts } from '../modules/identity/index.js';
/**
 * What a fresh database receives, in dependency order. A module with demo data appends its step
 * here (after the steps its data refers to: entities, then accounts, then CRM, then membership…).
 */
export const SEED_STEPS = [
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
            const { created } = await seedDemoAccounts(context, { password: options.demoPassword });
            return { summary: `${created.length} accounts created`, createdLogins: created };
        },
    },
    // Next: CRM demo organisations and persons (uses options.scale), memberships and dues, events…
];
export async function runSeed(context, options, steps = SEED_STEPS) {
    const demoAllowed = context.config.nodeEnv !== 'production' && options.demoPassword !== null;
    const run = { steps: [], createdLogins: [], demoSkipped: !demoAllowed };
    for (const step of steps) {
        if (step.kind === 'demo' && !demoAllowed)
            continue;
        let result;
        try {
            result = await step.run(context, options);
        }
        catch (error) {
            // Every step is idempotent: running the seed again resumes where this one stopped.
            throw new Error(`Seeding failed at step "${step.name}"; fix the cause, then run \`npm run seed\`.`, { cause: error });
        }
        run.steps.push({ name: step.name, summary: result.summary });
        run.createdLogins.push(...(result.createdLogins ?? []));
    }
    return run;
}
//# sourceMappingURL=seed-steps.js.map