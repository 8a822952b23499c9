import { Injectable, effect, inject, signal } from '@angular/core';
import { Api } from '../api/api';
import { Session } from '../auth/session';
import { BranchScope } from '../scope/branch-scope';

/**
 * The feature flags as the server evaluates them for the signed-in user and the branch they work
 * for (GET /api/v1/me/feature-flags): reloaded on sign-in and whenever the branch switcher changes,
 * since flags target entities and roles. Screens ask `isOn(key, fallback)` to hide or show a part.
 */
@Injectable({ providedIn: 'root' })
export class FeatureFlags {
  private readonly api = inject(Api);
  private readonly session = inject(Session);
  private readonly scope = inject(BranchScope);
  private readonly values = signal<ReadonlyMap<string, unknown>>(new Map());
  private latestRequest = 0;

  constructor() {
    effect(() => {
      const signedIn = this.session.state() === 'signed-in';
      const entityId = this.scope.entityId();
      if (signedIn) void this.load(entityId);
      else this.values.set(new Map());
    });
  }

  /**
   * Whether a boolean flag is on for the current user. `fallback` applies while the flags load and
   * when no such flag exists: a part rolled out to everyone uses `true` (the flag is a kill switch),
   * a part being piloted uses `false`.
   */
  isOn(key: string, fallback: boolean): boolean {
    const value = this.values().get(key);
    return typeof value === 'boolean' ? value : fallback;
  }

  private async load(entityId: string | null): Promise<void> {
    const request = ++this.latestRequest;
    try {
      const query = entityId ? { entityId } : {};
      const evaluated = await this.api.unwrap(this.api.client.GET('/api/v1/me/feature-flags', { params: { query } }));
      // A slower answer for a previous branch must not overwrite the current one.
      if (request === this.latestRequest) this.values.set(new Map(evaluated.items.map((flag) => [flag.key, flag.value])));
    } catch (error) {
      // Flags refine the interface; without them every part falls back to its default.
      console.error(error);
    }
  }
}
