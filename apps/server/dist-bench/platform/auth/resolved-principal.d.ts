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
export declare function resolvePermissionRoots(grants: readonly GrantedPermissions[], tree: EntityTree): Map<string, readonly string[]>;
/** Keeps only the permissions a personal access token lists: its scope never exceeds its owner's grants. */
export declare function restrictToPermissions(roots: ReadonlyMap<string, readonly string[]>, allowed: readonly string[]): Map<string, readonly string[]>;
export interface PrincipalInit {
    userId: string;
    email: string;
    via: 'session' | 'token';
    roots: ReadonlyMap<string, readonly string[]>;
    tree: EntityTree;
    /** Set for token principals: the token's id (audit, revocation of the current token). */
    tokenId?: string;
}
export declare class ResolvedPrincipal implements Principal {
    readonly userId: string;
    readonly email: string;
    readonly via: 'session' | 'token';
    readonly tokenId: string | undefined;
    private readonly roots;
    private readonly tree;
    private readonly expanded;
    constructor(init: PrincipalInit);
    rootsFor(permission: string): readonly string[];
    entityIdsFor(permission: string): ReadonlySet<string>;
    permissions(): string[];
    /** True when the permission is held on this entity (directly or through an ancestor). */
    holdsOn(permission: string, entityId: string): boolean;
}
