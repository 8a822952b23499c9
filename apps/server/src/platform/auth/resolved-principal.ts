import type { EntityTree } from '../tenancy/entity-tree.js';
import type { Principal } from './principal.js';

/** One grant as the resolver needs it: the permissions of the granted role on one entity. */
export interface GrantedPermissions {
  entityId: string;
  permissions: readonly string[];
}

/**
 * Folds a user's grants into, for each permission, the minimal list of subtree roots where it is
 * held (a grant on a region and another on one of its départements give one root: the region).
 */
export function resolvePermissionRoots(grants: readonly GrantedPermissions[], tree: EntityTree): Map<string, readonly string[]> {
  const entitiesByPermission = new Map<string, string[]>();
  for (const grant of grants) {
    for (const permission of grant.permissions) {
      const list = entitiesByPermission.get(permission);
      if (list) list.push(grant.entityId);
      else entitiesByPermission.set(permission, [grant.entityId]);
    }
  }
  const roots = new Map<string, readonly string[]>();
  for (const [permission, entityIds] of entitiesByPermission) {
    const minimal = tree.minimalRoots(entityIds);
    if (minimal.length > 0) roots.set(permission, minimal);
  }
  return roots;
}

/** Keeps only the permissions a personal access token lists: its scope never exceeds its owner's grants. */
export function restrictToPermissions(roots: ReadonlyMap<string, readonly string[]>, allowed: readonly string[]): Map<string, readonly string[]> {
  const allowedSet = new Set(allowed);
  return new Map([...roots].filter(([permission]) => allowedSet.has(permission)));
}

export interface PrincipalInit {
  userId: string;
  email: string;
  via: 'session' | 'token';
  roots: ReadonlyMap<string, readonly string[]>;
  tree: EntityTree;
  /** Set for token principals: the token's id (audit, revocation of the current token). */
  tokenId?: string;
}

export class ResolvedPrincipal implements Principal {
  readonly userId: string;
  readonly email: string;
  readonly via: 'session' | 'token';
  readonly tokenId: string | undefined;
  private readonly roots: ReadonlyMap<string, readonly string[]>;
  private readonly tree: EntityTree;
  private readonly expanded = new Map<string, ReadonlySet<string>>();

  constructor(init: PrincipalInit) {
    this.userId = init.userId;
    this.email = init.email;
    this.via = init.via;
    this.tokenId = init.tokenId;
    this.roots = init.roots;
    this.tree = init.tree;
  }

  rootsFor(permission: string): readonly string[] {
    return this.roots.get(permission) ?? [];
  }

  entityIdsFor(permission: string): ReadonlySet<string> {
    let ids = this.expanded.get(permission);
    if (!ids) {
      ids = this.tree.expand(this.rootsFor(permission));
      this.expanded.set(permission, ids);
    }
    return ids;
  }

  permissions(): string[] {
    return [...this.roots.keys()].sort();
  }

  /** True when the permission is held on this entity (directly or through an ancestor). */
  holdsOn(permission: string, entityId: string): boolean {
    return this.entityIdsFor(permission).has(entityId);
  }
}
