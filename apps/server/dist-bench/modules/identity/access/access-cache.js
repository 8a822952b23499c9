import { withTransaction } from '../../../platform/db/index.js';
import { resolvePermissionRoots } from '../../../platform/auth/index.js';
/**
 * Each user's grants resolved to per-permission roots, kept in memory so that an authenticated
 * request usually costs no database round trip beyond the credential lookup.
 *
 * Changes made through this process (grants, roles, users) invalidate at once. Other processes
 * (several web instances) keep their entry until it expires: a revoked grant may stay usable
 * there for up to `ttlMs` (30 s). Deactivation is not affected: the credential lookup checks the
 * user's status on every request.
 */
export class AccessCache {
    database;
    tree;
    ttlMs;
    entries = new Map();
    constructor(database, tree, ttlMs = 30_000) {
        this.database = database;
        this.tree = tree;
        this.ttlMs = ttlMs;
    }
    async resolve(userId) {
        let tree = await this.tree.current();
        const entry = this.entries.get(userId);
        if (entry && entry.expiresAt > Date.now()) {
            // The tree changed (an entity moved or appeared): recompute the roots from the kept grants.
            if (entry.access.tree !== tree)
                entry.access = { roots: resolvePermissionRoots(entry.grants, tree), tree };
            return entry.access;
        }
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
    invalidateUser(userId) {
        this.entries.delete(userId);
    }
    /** After a role's permissions change: every holder is affected. */
    invalidateAll() {
        this.entries.clear();
    }
}
async function loadGrantedPermissions(database, userId) {
    return withTransaction(database, { kind: 'system' }, async (tx) => {
        const { rows } = await tx.client.query(`SELECT g.entity_id AS "entityId", r.permissions FROM grants g JOIN roles r ON r.id = g.role_id WHERE g.user_id = $1`, [userId]);
        return rows;
    }, { readOnly: true });
}
//# sourceMappingURL=access-cache.js.map