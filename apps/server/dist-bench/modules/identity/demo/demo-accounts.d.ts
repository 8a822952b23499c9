import type { AppConfig } from '../../../platform/config/index.js';
import { type Database } from '../../../platform/db/index.js';
interface DemoAccount {
    email: string;
    displayName: string;
    roleCode: string;
    /** Entity code, or null for the national root. */
    entityCode: string | null;
}
export declare const DEMO_ACCOUNTS: readonly DemoAccount[];
/**
 * Creates the demo accounts on an already seeded network; idempotent (existing accounts and grants
 * are left as they are). Refused in production: these are well-known credentials.
 */
export declare function seedDemoAccounts(context: {
    database: Database;
    config?: Pick<AppConfig, 'nodeEnv'>;
}, options: {
    password: string;
}): Promise<{
    created: string[];
}>;
export {};
