import { OpenFeatureEventEmitter, type EvaluationContext, type JsonValue, type Provider, type ResolutionDetails } from '@openfeature/server-sdk';
import type { Database } from '../db/index.js';
import type { FlagSubject } from './flag-rules.js';
export interface DbFlagProviderOptions {
    database: Database;
    /** How often other processes' changes are picked up, milliseconds (default 30 s). */
    refreshIntervalMs?: number;
    onRefreshError?: (error: unknown) => void;
}
/**
 * OpenFeature provider over the `feature_flags` table. Evaluation reads an in-memory snapshot and
 * never queries: callers may evaluate while holding a transaction (PGlite has one connection).
 * Entity rules are expanded to their subtrees through the closure table when the snapshot loads,
 * so an entity moved elsewhere in the tree is picked up at the next refresh.
 * The snapshot is reloaded after a change made through this process (the flags service awaits
 * refresh() after commit) and every refreshIntervalMs for changes made by other processes.
 */
export declare class DbFlagProvider implements Provider {
    #private;
    readonly metadata: {
        readonly name: "maillage-database";
    };
    readonly runsOn: "server";
    readonly events: OpenFeatureEventEmitter;
    constructor(options: DbFlagProviderOptions);
    initialize(): Promise<void>;
    onClose(): Promise<void>;
    /** Reloads the flags; concurrent callers share one reload. */
    refresh(): Promise<void>;
    /** Every flag with its value for this subject (the back-office's view of "my flags"). */
    evaluateAll(context: EvaluationContext): import("./flag-evaluation.js").FlagEvaluation[];
    resolveBooleanEvaluation(flagKey: string, defaultValue: boolean, context: EvaluationContext): Promise<ResolutionDetails<boolean>>;
    resolveStringEvaluation(flagKey: string, defaultValue: string, context: EvaluationContext): Promise<ResolutionDetails<string>>;
    resolveNumberEvaluation(flagKey: string, defaultValue: number, context: EvaluationContext): Promise<ResolutionDetails<number>>;
    resolveObjectEvaluation<T extends JsonValue>(flagKey: string, defaultValue: T, context: EvaluationContext): Promise<ResolutionDetails<T>>;
}
/** OpenFeature context → subject: targetingKey is the user id; entityId and roles are custom attributes. */
export declare function toSubject(context: EvaluationContext, coveringRoots: ReadonlyMap<string, ReadonlySet<string>>): FlagSubject;
