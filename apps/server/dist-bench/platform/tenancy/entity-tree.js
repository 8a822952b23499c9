import { withTransaction } from '../db/index.js';
/**
 * An immutable snapshot of the network tree (a few thousand nodes at most), so that scope
 * computations per request cost no database round trip.
 */
export class EntityTree {
    nodes;
    children = new Map();
    constructor(nodes) {
        this.nodes = new Map(nodes.map((node) => [node.id, node]));
        for (const node of nodes) {
            if (node.parentId === null)
                continue;
            const siblings = this.children.get(node.parentId);
            if (siblings)
                siblings.push(node.id);
            else
                this.children.set(node.parentId, [node.id]);
        }
    }
    get size() {
        return this.nodes.size;
    }
    get(id) {
        return this.nodes.get(id);
    }
    byCode(code) {
        for (const node of this.nodes.values())
            if (node.code === code)
                return node;
        return undefined;
    }
    /** The entity itself and everything below it; empty when the id is unknown. */
    descendants(id) {
        if (!this.nodes.has(id))
            return [];
        const result = [];
        const stack = [id];
        while (stack.length > 0) {
            const current = stack.pop();
            result.push(current);
            for (const child of this.children.get(current) ?? [])
                stack.push(child);
        }
        return result;
    }
    /** The entity's ancestors, nearest first, the entity itself excluded. */
    ancestors(id) {
        const result = [];
        let current = this.nodes.get(id)?.parentId ?? null;
        // The bound guards against a corrupt (cyclic) snapshot; the database trigger refuses cycles.
        while (current !== null && result.length <= this.nodes.size) {
            result.push(current);
            current = this.nodes.get(current)?.parentId ?? null;
        }
        return result;
    }
    /** Every entity in the subtrees of the roots. */
    expand(roots) {
        const result = new Set();
        for (const root of roots) {
            if (result.has(root))
                continue;
            for (const id of this.descendants(root))
                result.add(id);
        }
        return result;
    }
    /** The ids not below another id of the set (unknown ids dropped): the smallest equivalent list of roots. */
    minimalRoots(ids) {
        const set = new Set([...ids].filter((id) => this.nodes.has(id)));
        return [...set].filter((id) => !this.ancestors(id).some((ancestor) => set.has(ancestor))).sort();
    }
    /** True when `id` is `root` or one of its descendants. */
    isWithin(id, root) {
        return id === root || this.ancestors(id).includes(root);
    }
}
/**
 * Lazily loaded, shared tree snapshot. Code that changes the tree calls `invalidate()` after commit;
 * other processes see a change within `maxAgeMs` (the snapshot is reloaded when older).
 */
export class EntityTreeCache {
    load;
    maxAgeMs;
    snapshot = null;
    loadedAt = 0;
    loading = null;
    generation = 0;
    constructor(load, maxAgeMs = 60_000) {
        this.load = load;
        this.maxAgeMs = maxAgeMs;
    }
    static fromDatabase(database, maxAgeMs) {
        return new EntityTreeCache(() => loadEntityNodes(database), maxAgeMs);
    }
    /** The current snapshot; concurrent callers during a reload share one query. */
    async current() {
        if (this.snapshot && Date.now() - this.loadedAt < this.maxAgeMs)
            return this.snapshot;
        if (!this.loading) {
            const generation = this.generation;
            this.loading = this.load()
                .then((nodes) => {
                const tree = new EntityTree(nodes);
                // An invalidate() during the load means the rows read may already be stale: do not keep them.
                if (generation === this.generation) {
                    this.snapshot = tree;
                    this.loadedAt = Date.now();
                }
                return tree;
            })
                .finally(() => {
                this.loading = null;
            });
        }
        return this.loading;
    }
    invalidate() {
        this.generation += 1;
        this.snapshot = null;
    }
}
async function loadEntityNodes(database) {
    return withTransaction(database, { kind: 'system' }, async (tx) => {
        const { rows } = await tx.client.query('SELECT id, parent_id AS "parentId", code, kind, name FROM entities');
        return rows;
    }, { readOnly: true });
}
//# sourceMappingURL=entity-tree.js.map