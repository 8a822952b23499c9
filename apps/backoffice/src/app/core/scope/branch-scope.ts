import { Injectable, computed, effect, inject, signal } from '@angular/core';
import { Session } from '../auth/session';
import { actingEntities, type ActingEntity } from './acting-entities';

const STORAGE_PREFIX = 'maillage.scope.';

/**
 * The entity the user is working on, chosen in the top bar's branch switcher. `null` means
 * everything the user may see (« Tout le réseau » for national staff). Features read `entityId()`
 * to scope their requests; the choice survives reloads in local storage, per user.
 */
@Injectable({ providedIn: 'root' })
export class BranchScope {
  private readonly session = inject(Session);
  private readonly chosen = signal<string | null | undefined>(undefined);

  readonly entities = computed<readonly ActingEntity[]>(() => {
    const me = this.session.me();
    return me ? actingEntities(me) : [];
  });
  /** National staff act on the root of the network; others only on their own subtrees. */
  readonly canSeeWholeNetwork = computed(() => this.entities().some((entity) => entity.parentId === null));
  readonly entityId = computed<string | null>(() => {
    const entities = this.entities();
    const chosen = this.chosen();
    if (chosen !== undefined && (chosen === null ? this.allowsAll() : entities.some((e) => e.id === chosen))) return chosen;
    return this.allowsAll() ? null : (entities[0]?.id ?? null);
  });
  readonly entity = computed(() => this.entities().find((e) => e.id === this.entityId()) ?? null);
  /** Where a new record goes by default: the chosen entity, or the user's first one under « Tout le réseau ». */
  readonly defaultEntityId = computed(() => this.entityId() ?? this.entities()[0]?.id ?? '');
  readonly label = computed(() => this.entity()?.name ?? this.allLabel());
  readonly allLabel = computed(() =>
    this.canSeeWholeNetwork()
      ? $localize`:@@scope.wholeNetwork:Tout le réseau`
      : $localize`:@@scope.allMine:Toutes mes entités`,
  );

  constructor() {
    // Load the stored choice whenever the signed-in user changes.
    effect(() => {
      const userId = this.session.user()?.id;
      this.chosen.set(userId ? readStored(userId) : undefined);
    });
  }

  select(entityId: string | null): void {
    this.chosen.set(entityId);
    const userId = this.session.user()?.id;
    if (userId) localStorage.setItem(STORAGE_PREFIX + userId, entityId ?? '*');
  }

  /** Several roots (or the national root) make a "everything" choice meaningful. */
  private allowsAll(): boolean {
    const roots = this.entities().filter((e) => e.depth === 0);
    return this.canSeeWholeNetwork() || roots.length > 1;
  }
}

function readStored(userId: string): string | null | undefined {
  const raw = localStorage.getItem(STORAGE_PREFIX + userId);
  if (raw === null) return undefined;
  return raw === '*' ? null : raw;
}
