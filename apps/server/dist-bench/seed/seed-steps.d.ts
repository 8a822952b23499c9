import type { AppContext } from '../app.js';
export type SeedScale = 'small' | 'full';
export interface SeedOptions {
    /** Volume of demo business data (CRM, memberships…), for the modules that generate some. */
    scale: SeedScale;
    /** Password of every demo account; demo steps are skipped when null. */
    demoPassword: string | null;
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
export declare const SEED_STEPS: readonly SeedStep[];
export interface SeedRun {
    steps: Array<{
        name: string;
        summary: string;
    }>;
    /** Demo accounts created by this run: the demo password applies to these. */
    createdLogins: string[];
    /** Demo steps were skipped (production, or no password given). */
    demoSkipped: boolean;
}
export declare function runSeed(context: AppContext, options: SeedOptions, steps?: readonly SeedStep[]): Promise<SeedRun>;
