import { randomUUID } from 'node:crypto';
import { OpenFeature, type Client, type EvaluationContext } from '@openfeature/server-sdk';
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
export class FeatureFlags {
  readonly domain = `maillage-${randomUUID()}`;
  readonly client: Client = OpenFeature.getClient(this.domain);
  #provider: DbFlagProvider | null = null;

  /** Binds the provider and waits for its first load (app onReady). */
  async attach(provider: DbFlagProvider): Promise<void> {
    await OpenFeature.setProviderAndWait(this.domain, provider);
    this.#provider = provider;
  }

  async detach(): Promise<void> {
    await this.#provider?.onClose();
    this.#provider = null;
  }

  /** Reloads the flags now (after a seed or an import wrote them behind this process's back). */
  async refresh(): Promise<void> {
    await this.#provider?.refresh();
  }

  /** False for an unknown flag or a non-boolean one. */
  isEnabled(key: string, context: FlagContext = {}): Promise<boolean> {
    return this.client.getBooleanValue(key, false, toEvaluationContext(context));
  }

  variant(key: string, fallback: string, context: FlagContext = {}): Promise<string> {
    return this.client.getStringValue(key, fallback, toEvaluationContext(context));
  }

  evaluateAll(context: FlagContext): FlagEvaluation[] {
    if (!this.#provider) throw new Error('Feature flags are not loaded yet');
    return this.#provider.evaluateAll(toEvaluationContext(context));
  }
}

export function toEvaluationContext(context: FlagContext): EvaluationContext {
  const evaluation: EvaluationContext = { roles: [...(context.roles ?? [])] };
  if (context.userId) evaluation.targetingKey = context.userId;
  if (context.entityId) evaluation.entityId = context.entityId;
  return evaluation;
}
