import {
  ErrorCode,
  OpenFeatureEventEmitter,
  ProviderEvents,
  type EvaluationContext,
  type JsonValue,
  type Provider,
  type ResolutionDetails,
} from '@openfeature/server-sdk';
import type { Database } from '../db/index.js';
import { evaluateFlag, type FeatureFlag } from './flag-evaluation.js';
import type { FlagSubject, FlagValue } from './flag-rules.js';
import { loadFlagsSnapshot } from './feature-flags.repository.js';

interface Snapshot {
  flags: ReadonlyMap<string, FeatureFlag>;
  coveringRoots: ReadonlyMap<string, ReadonlySet<string>>;
}

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
export class DbFlagProvider implements Provider {
  readonly metadata = { name: 'maillage-database' } as const;
  readonly runsOn = 'server' as const;
  readonly events = new OpenFeatureEventEmitter();
  readonly #options: DbFlagProviderOptions;
  #snapshot: Snapshot | null = null;
  #timer: NodeJS.Timeout | null = null;
  #refreshing: Promise<void> | null = null;

  constructor(options: DbFlagProviderOptions) {
    this.#options = options;
  }

  async initialize(): Promise<void> {
    await this.refresh();
    this.#timer ??= setInterval(() => {
      this.refresh().catch((error: unknown) => this.#options.onRefreshError?.(error));
    }, this.#options.refreshIntervalMs ?? 30_000);
    this.#timer.unref();
  }

  async onClose(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
  }

  /** Reloads the flags; concurrent callers share one reload. */
  refresh(): Promise<void> {
    this.#refreshing ??= this.#reload().finally(() => {
      this.#refreshing = null;
    });
    return this.#refreshing;
  }

  /** Every flag with its value for this subject (the back-office's view of "my flags"). */
  evaluateAll(context: EvaluationContext) {
    const snapshot = this.#requireSnapshot();
    const subject = toSubject(context, snapshot.coveringRoots);
    return [...snapshot.flags.values()].map((flag) => evaluateFlag(flag, subject));
  }

  async resolveBooleanEvaluation(flagKey: string, defaultValue: boolean, context: EvaluationContext): Promise<ResolutionDetails<boolean>> {
    return this.#resolve(flagKey, defaultValue, context, (value): value is boolean => typeof value === 'boolean');
  }

  async resolveStringEvaluation(flagKey: string, defaultValue: string, context: EvaluationContext): Promise<ResolutionDetails<string>> {
    return this.#resolve(flagKey, defaultValue, context, (value): value is string => typeof value === 'string');
  }

  async resolveNumberEvaluation(flagKey: string, defaultValue: number, context: EvaluationContext): Promise<ResolutionDetails<number>> {
    return this.#resolve(flagKey, defaultValue, context, (value): value is number => typeof value === 'number');
  }

  async resolveObjectEvaluation<T extends JsonValue>(flagKey: string, defaultValue: T, context: EvaluationContext): Promise<ResolutionDetails<T>> {
    return this.#resolve(flagKey, defaultValue, context, (value): value is T & FlagValue => typeof value === 'object' && value !== null);
  }

  #resolve<T>(flagKey: string, defaultValue: T, context: EvaluationContext, isExpected: (value: FlagValue) => value is T & FlagValue): ResolutionDetails<T> {
    const snapshot = this.#requireSnapshot();
    const flag = snapshot.flags.get(flagKey);
    if (!flag) return { value: defaultValue, reason: 'ERROR', errorCode: ErrorCode.FLAG_NOT_FOUND, errorMessage: `No flag "${flagKey}"` };
    const result = evaluateFlag(flag, toSubject(context, snapshot.coveringRoots));
    if (!isExpected(result.value)) {
      return { value: defaultValue, reason: 'ERROR', errorCode: ErrorCode.TYPE_MISMATCH, errorMessage: `Flag "${flagKey}" is a ${flag.kind} flag` };
    }
    return { value: result.value, variant: result.variant, reason: result.reason, flagMetadata: { version: flag.version } };
  }

  async #reload(): Promise<void> {
    const { flags, coveringRoots } = await loadFlagsSnapshot(this.#options.database);
    const previous = this.#snapshot;
    this.#snapshot = { flags: new Map(flags.map((flag) => [flag.key, flag])), coveringRoots };
    const changed = flags.filter((flag) => previous?.flags.get(flag.key)?.version !== flag.version).map((flag) => flag.key);
    if (previous && changed.length > 0) this.events.emit(ProviderEvents.ConfigurationChanged, { flagsChanged: changed });
  }

  #requireSnapshot(): Snapshot {
    // initialize() runs before the app is ready: evaluating earlier is a programming error.
    if (!this.#snapshot) throw new Error('Feature flags are not loaded yet');
    return this.#snapshot;
  }
}

/** OpenFeature context → subject: targetingKey is the user id; entityId and roles are custom attributes. */
export function toSubject(context: EvaluationContext, coveringRoots: ReadonlyMap<string, ReadonlySet<string>>): FlagSubject {
  const entityId = typeof context.entityId === 'string' ? context.entityId : undefined;
  const roles = Array.isArray(context.roles) ? context.roles.filter((role): role is string => typeof role === 'string') : [];
  return {
    userId: context.targetingKey,
    entityLineage: entityId ? new Set([entityId, ...(coveringRoots.get(entityId) ?? [])]) : new Set(),
    roles,
  };
}
