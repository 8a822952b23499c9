import type { AppContext } from '../app.js';
import { type SeedRun } from './seed-steps.js';
export interface FirstStartReport {
    run: SeedRun;
    /** Null when no demo account was created (production). */
    demo: {
        password: string;
        generated: boolean;
        logins: Array<{
            email: string;
            description: string;
        }>;
    } | null;
}
/**
 * Seeds a database that has no national entity yet (a fresh install): the network, then the demo
 * accounts and data outside production. Returns null when the database was already set up, so a
 * restart never reseeds nor shows a new password. Several processes starting together on one
 * PostgreSQL seed once (advisory lock); PGlite serves a single process.
 */
export declare function seedOnFirstStart(context: AppContext): Promise<FirstStartReport | null>;
/** The lines main prints once, at first start. The password appears here and nowhere else. */
export declare function firstStartBanner(report: FirstStartReport, publicUrl: string): string;
