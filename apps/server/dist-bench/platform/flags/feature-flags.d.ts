import { type Client, type EvaluationContext } from '@openfeature/server-sdk';
import type { DbFlagProvider } from './db-flag-provider.js';
import type { FlagEvaluation } from './flag-evaluation.js';
/** Who a flag is evaluated for. */
export interface FlagContext {
    userId?: string;
    /** The entity the user acts for: rules on it or any ancestor apply. */
    entityId?: string;
    /** Role codes held there (e.g. `branch_admin`). */
    roles?: readonly string[];
}
/**
 * The app's feature flags. Modules evaluate through `client` (OpenFeature) or the shortcuts below.
 * Each app binds its provider to its own OpenFeature domain, so several apps in one process
 * (tests) never share flags. Evaluation never queries the database.
 */
export declare class FeatureFlags {
    #private;
    readonly domain: string;
    readonly client: Client;
    /** Binds the provider and waits for its first load (app onReady). */
    attach(provider: DbFlagProvider): Promise<void>;
    detach(): Promise<void>;
    /** False for an unknown flag or a non-boolean one. */
    isEnabled(key: string, context?: FlagContext): Promise<boolean>;
    variant(key: string, fallback: string, context?: FlagContext): Promise<string>;
    evaluateAll(context: FlagContext): FlagEvaluation[];
}
export declare function toEvaluationContext(context: FlagContext): EvaluationContext;
