import { randomUUID } from 'node:crypto';
import { OpenFeature } from '@openfeature/server-sdk';
/**
 * The app's feature flags. Modules evaluate through `client` (OpenFeature) or the shortcuts below.
 * Each app binds its provider to its own OpenFeature domain, so several apps in one process
 * (tests) never share flags. Evaluation never queries the database.
 */
export class FeatureFlags {
    domain = `maillage-${randomUUID()}`;
    client = OpenFeature.getClient(this.domain);
    #provider = null;
    /** Binds the provider and waits for its first load (app onReady). */
    async attach(provider) {
        await OpenFeature.setProviderAndWait(this.domain, provider);
        this.#provider = provider;
    }
    async detach() {
        await this.#provider?.onClose();
        this.#provider = null;
    }
    /** False for an unknown flag or a non-boolean one. */
    isEnabled(key, context = {}) {
        return this.client.getBooleanValue(key, false, toEvaluationContext(context));
    }
    variant(key, fallback, context = {}) {
        return this.client.getStringValue(key, fallback, toEvaluationContext(context));
    }
    evaluateAll(context) {
        if (!this.#provider)
            throw new Error('Feature flags are not loaded yet');
        return this.#provider.evaluateAll(toEvaluationContext(context));
    }
}
export function toEvaluationContext(context) {
    const evaluation = { roles: [...(context.roles ?? [])] };
    if (context.userId)
        evaluation.targetingKey = context.userId;
    if (context.entityId)
        evaluation.entityId = context.entityId;
    return evaluation;
}
//# sourceMappingURL=feature-flags.js.map