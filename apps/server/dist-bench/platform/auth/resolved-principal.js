/**
 * Folds a user's grants into, for each permission, the minimal list of subtree roots where it is
 * held (a grant on a region and another on one of its départements give one root: the region).
 */
export function resolvePermissionRoots(grants, tree) {
    const entitiesByPermission = new Map();
    for (const grant of grants) {
        for (const permission of grant.permissions) {
            const list = entitiesByPermission.get(permission);
            if (list)
                list.push(grant.entityId);
            else
                entitiesByPermission.set(permission, [grant.entityId]);
        }
    }
    const roots = new Map();
    for (const [permission, entityIds] of entitiesByPermission) {
        const minimal = tree.minimalRoots(entityIds);
        if (minimal.length > 0)
            roots.set(permission, minimal);
    }
    return roots;
}
/** Keeps only the permissions a personal access token lists: its scope never exceeds its owner's grants. */
export function restrictToPermissions(roots, allowed) {
    const allowedSet = new Set(allowed);
    return new Map([...roots].filter(([permission]) => allowedSet.has(permission)));
}
export class ResolvedPrincipal {
    userId;
    email;
    via;
    tokenId;
    roots;
    tree;
    expanded = new Map();
    constructor(init) {
        this.userId = init.userId;
        this.email = init.email;
        this.via = init.via;
        this.tokenId = init.tokenId;
        this.roots = init.roots;
        this.tree = init.tree;
    }
    rootsFor(permission) {
        return this.roots.get(permission) ?? [];
    }
    entityIdsFor(permission) {
        let ids = this.expanded.get(permission);
        if (!ids) {
            ids = this.tree.expand(this.rootsFor(permission));
            this.expanded.set(permission, ids);
        }
        return ids;
    }
    permissions() {
        return [...this.roots.keys()].sort();
    }
    /** True when the permission is held on this entity (directly or through an ancestor). */
    holdsOn(permission, entityId) {
        return this.entityIdsFor(permission).has(entityId);
    }
}
//# sourceMappingURL=resolved-principal.js.map