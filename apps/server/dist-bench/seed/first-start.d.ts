import type { AppContext } from '../app.js';
import { type SeedRun } from './seed-steps.js';
export declare const DEMO_LOGINS: readonly [{
    readonly email: "admin@maillage.test";
    readonly role: "Administrateur national";
}, {
    readonly email: "manager.69@maillage.test";
    readonly role: "Gestionnaire, Union territoriale du Rhône";
}, {
    readonly email: "manager.75@maillage.test";
    readonly role: "Gestionnaire, Union territoriale de Paris";
}];
export interface FirstStartReport {
    run: SeedRun;
    /** Null when no demo account was created (production). */
    demo: {
        password: string;
        generated: boolean;
        logins: typeof DEMO_LOGINS;
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
