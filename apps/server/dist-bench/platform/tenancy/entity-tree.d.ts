import type { Database } from '../db/index.js';
import type { EntityKind } from './entity-tree.tables.js';
export interface EntityNode {
    id: string;
    parentId: string | null;
    code: string;
    kind: EntityKind;
    name: string;
}
/**
 * An immutable snapshot of the network tree (a few thousand nodes at most), so that scope
 * computations per request cost no database round trip.
 */
export declare class EntityTree {
    private readonly nodes;
    private readonly children;
    constructor(nodes: readonly EntityNode[]);
    get size(): number;
    get(id: string): EntityNode | undefined;
    byCode(code: string): EntityNode | undefined;
    /** The entity itself and everything below it; empty when the id is unknown. */
    descendants(id: string): string[];
    /** The entity's ancestors, nearest first, the entity itself excluded. */
    ancestors(id: string): string[];
    /** Every entity in the subtrees of the roots. */
    expand(roots: Iterable<string>): Set<string>;
    /** The ids not below another id of the set (unknown ids dropped): the smallest equivalent list of roots. */
    minimalRoots(ids: Iterable<string>): string[];
    /** True when `id` is `root` or one of its descendants. */
    isWithin(id: string, root: string): boolean;
}
/**
 * Lazily loaded, shared tree snapshot. Code that changes the tree calls `invalidate()` after commit;
 * other processes see a change within `maxAgeMs` (the snapshot is reloaded when older).
 */
export declare class EntityTreeCache {
    private readonly load;
    private readonly maxAgeMs;
    private snapshot;
    private loadedAt;
    private loading;
    private generation;
    constructor(load: () => Promise<EntityNode[]>, maxAgeMs?: number);
    static fromDatabase(database: Database, maxAgeMs?: number): EntityTreeCache;
    /** The current snapshot; concurrent callers during a reload share one query. */
    current(): Promise<EntityTree>;
    invalidate(): void;
}
