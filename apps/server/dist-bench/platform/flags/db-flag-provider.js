import { ErrorCode, OpenFeatureEventEmitter, ProviderEvents, } from '@openfeature/server-sdk';
import { evaluateFlag } from './flag-evaluation.js';
import { loadFlagsSnapshot } from './feature-flags.repository.js';
/**
 * OpenFeature provider over the `feature_flags` table. Evaluation reads an in-memory snapshot and
 * never queries: callers may evaluate while holding a transaction (PGlite has one connection).
 * Entity rules are expanded to their subtrees through the closure table when the snapshot loads,
 * so an entity moved elsewhere in the tree is picked up at the next refresh.
 * The snapshot is reloaded after a change made through this process (the flags service awaits
 * refresh() after commit) and every refreshIntervalMs for changes made by other processes.
 */
export class DbFlagProvider {
    metadata = { name: 'maillage-database' };
    runsOn = 'server';
    events = new OpenFeatureEventEmitter();
    #options;
    #snapshot = null;
    #timer = null;
    #refreshing = null;
    constructor(options) {
        this.#options = options;
    }
    async initialize() {
        await this.refresh();
        this.#timer ??= setInterval(() => {
            this.refresh().catch((error) => this.#options.onRefreshError?.(error));
        }, this.#options.refreshIntervalMs ?? 30_000);
        this.#timer.unref();
    }
    async onClose() {
        if (this.#timer)
            clearInterval(this.#timer);
        this.#timer = null;
    }
    /** Reloads the flags; concurrent callers share one reload. */
    refresh() {
        this.#refreshing ??= this.#reload().finally(() => {
            this.#refreshing = null;
        });
        return this.#refreshing;
    }
    /** Every flag with its value for this subject (the back-office's view of "my flags"). */
    evaluateAll(context) {
        const snapshot = this.#requireSnapshot();
        const subject = toSubject(context, snapshot.coveringRoots);
        return [...snapshot.flags.values()].map((flag) => evaluateFlag(flag, subject));
    }
    async resolveBooleanEvaluation(flagKey, defaultValue, context) {
        return this.#resolve(flagKey, defaultValue, context, (value) => typeof value === 'boolean');
    }
    async resolveStringEvaluation(flagKey, defaultValue, context) {
        return this.#resolve(flagKey, defaultValue, context, (value) => typeof value === 'string');
    }
    async resolveNumberEvaluation(flagKey, defaultValue, context) {
        return this.#resolve(flagKey, defaultValue, context, (value) => typeof value === 'number');
    }
    async resolveObjectEvaluation(flagKey, defaultValue, context) {
        return this.#resolve(flagKey, defaultValue, context, (value) => typeof value === 'object' && value !== null);
    }
    #resolve(flagKey, defaultValue, context, isExpected) {
        const snapshot = this.#requireSnapshot();
        const flag = snapshot.flags.get(flagKey);
        if (!flag)
            return { value: defaultValue, reason: 'ERROR', errorCode: ErrorCode.FLAG_NOT_FOUND, errorMessage: `No flag "${flagKey}"` };
        const result = evaluateFlag(flag, toSubject(context, snapshot.coveringRoots));
        if (!isExpected(result.value)) {
            return { value: defaultValue, reason: 'ERROR', errorCode: ErrorCode.TYPE_MISMATCH, errorMessage: `Flag "${flagKey}" is a ${flag.kind} flag` };
        }
        return { value: result.value, variant: result.variant, reason: result.reason, flagMetadata: { version: flag.version } };
    }
    async #reload() {
        const { flags, coveringRoots } = await loadFlagsSnapshot(this.#options.database);
        const previous = this.#snapshot;
        this.#snapshot = { flags: new Map(flags.map((flag) => [flag.key, flag])), coveringRoots };
        const changed = flags.filter((flag) => previous?.flags.get(flag.key)?.version !== flag.version).map((flag) => flag.key);
        if (previous && changed.length > 0)
            this.events.emit(ProviderEvents.ConfigurationChanged, { flagsChanged: changed });
    }
    #requireSnapshot() {
        // initialize() runs before the app is ready: evaluating earlier is a programming error.
        if (!this.#snapshot)
            throw new Error('Feature flags are not loaded yet');
        return this.#snapshot;
    }
}
/** OpenFeature context → subject: targetingKey is the user id; entityId and roles are custom attributes. */
export function toSubject(context, coveringRoots) {
    const entityId = typeof context.entityId === 'string' ? context.entityId : undefined;
    const roles = Array.isArray(context.roles) ? context.roles.filter((role) => typeof role === 'string') : [];
    return {
        userId: context.targetingKey,
        entityLineage: entityId ? new Set([entityId, ...(coveringRoots.get(entityId) ?? [])]) : new Set(),
        roles,
    };
}
//# sourceMappingURL=db-flag-provider.js.map