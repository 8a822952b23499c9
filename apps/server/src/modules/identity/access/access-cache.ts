import type { Database } from '../../../platform/db/index.js';
import { withTransaction } from '../../../platform/db/index.js';
import { resolvePermissionRoots, type GrantedPermissions } from '../../../platform/auth/index.js';
import type { EntityTree, EntityTreeCache } from '../../../platform/tenancy/entity-tree.js';
import { CredentialCache, type CachedSession, type CachedToken } from './credential-cache.js';

export interface ResolvedAccess {
  roots: ReadonlyMap<string, readonly string[]>;
  tree: EntityTree;
}

interface Entry {
  grants: GrantedPermissions[];
  access: ResolvedAccess;
  expiresAt: number;
}

/**
 * Each user's grants resolved to per-permission roots, and recent credential lookups, kept in
 * memory so that an authenticated request usually costs no database round trip at all.
 *
 * Changes made through this process (grants, roles, users, logout, revocation) invalidate at once.
 * Other processes (several web instances) keep their entries until they expire: a revoked grant
 * may stay usable there for up to `ttlMs` (30 s), a revoked token, ended session or deactivated
 * user for up to `CREDENTIAL_CACHE_TTL_MS` (10 s).
 */
export class AccessCache {
  private readonly entries = new Map<string, Entry>();
  /** Credential lookups by digest; evicted with the user's access (logout, revocation, deactivation). */
  readonly sessions = new CredentialCache<CachedSession>();
  readonly tokens = new CredentialCache<CachedToken>();

  constructor(
    private readonly database: Database,
    private readonly tree: EntityTreeCache,
    private readonly ttlMs = 30_000,
  ) {}

  /** The user's access when it is known and current, without waiting: undefined when `resolve` would query. */
  resolveNow(userId: string): ResolvedAccess | undefined {
    const tree = this.tree.currentNow();
    const entry = this.entries.get(userId);
    return tree && entry ? this.current(entry, tree) : undefined;
  }

  async resolve(userId: string): Promise<ResolvedAccess> {
    let tree = await this.tree.current();
    const entry = this.entries.get(userId);
    const known = entry && this.current(entry, tree);
    if (known) return known;
    const grants = await loadGrantedPermissions(this.database, userId);
    if (grants.some((grant) => !tree.get(grant.entityId))) {
      // A grant on an entity the snapshot does not know: the tree changed elsewhere (another process, a seed).
      this.tree.invalidate();
      tree = await this.tree.current();
    }
    const access = { roots: resolvePermissionRoots(grants, tree), tree };
    this.entries.set(userId, { grants, access, expiresAt: Date.now() + this.ttlMs });
    return access;
  }

  /** The entry's access while it has not expired, its roots recomputed if the tree changed (an entity moved or appeared). */
  private current(entry: Entry, tree: EntityTree): ResolvedAccess | undefined {
    if (entry.expiresAt <= Date.now()) return undefined;
    if (entry.access.tree !== tree) entry.access = { roots: resolvePermissionRoots(entry.grants, tree), tree };
    return entry.access;
  }

  /** After a change to the user's grants, status, sessions or tokens. */
  invalidateUser(userId: string): void {
    this.entries.delete(userId);
    this.sessions.evictUser(userId);
    this.tokens.evictUser(userId);
  }

  /** After a role's permissions change: every holder is affected. */
  invalidateAll(): void {
    this.entries.clear();
  }
}

async function loadGrantedPermissions(database: Database, userId: string): Promise<GrantedPermissions[]> {
  return withTransaction(
    database,
    { kind: 'system' },
    async (tx) => {
      const { rows } = await tx.client.query<GrantedPermissions>(
        `SELECT g.entity_id AS "entityId", r.permissions FROM grants g JOIN roles r ON r.id = g.role_id WHERE g.user_id = $1`,
        [userId],
      );
      return rows;
    },
    { readOnly: true },
  );
}
