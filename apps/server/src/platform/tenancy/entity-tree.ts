import type { Database } from '../db/index.js';
import { withTransaction } from '../db/index.js';
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
export class EntityTree {
  private readonly nodes: Map<string, EntityNode>;
  private readonly children = new Map<string, string[]>();

  constructor(nodes: readonly EntityNode[]) {
    this.nodes = new Map(nodes.map((node) => [node.id, node]));
    for (const node of nodes) {
      if (node.parentId === null) continue;
      const siblings = this.children.get(node.parentId);
      if (siblings) siblings.push(node.id);
      else this.children.set(node.parentId, [node.id]);
    }
  }

  get size(): number {
    return this.nodes.size;
  }

  get(id: string): EntityNode | undefined {
    return this.nodes.get(id);
  }

  byCode(code: string): EntityNode | undefined {
    for (const node of this.nodes.values()) if (node.code === code) return node;
    return undefined;
  }

  /** The entity itself and everything below it; empty when the id is unknown. */
  descendants(id: string): string[] {
    if (!this.nodes.has(id)) return [];
    const result: string[] = [];
    const stack = [id];
    while (stack.length > 0) {
      const current = stack.pop()!;
      result.push(current);
      for (const child of this.children.get(current) ?? []) stack.push(child);
    }
    return result;
  }

  /** The entity's ancestors, nearest first, the entity itself excluded. */
  ancestors(id: string): string[] {
    const result: string[] = [];
    let current = this.nodes.get(id)?.parentId ?? null;
    // The bound guards against a corrupt (cyclic) snapshot; the database trigger refuses cycles.
    while (current !== null && result.length <= this.nodes.size) {
      result.push(current);
      current = this.nodes.get(current)?.parentId ?? null;
    }
    return result;
  }

  /** Every entity in the subtrees of the roots. */
  expand(roots: Iterable<string>): Set<string> {
    const result = new Set<string>();
    for (const root of roots) {
      if (result.has(root)) continue;
      for (const id of this.descendants(root)) result.add(id);
    }
    return result;
  }

  /** The ids not below another id of the set (unknown ids dropped): the smallest equivalent list of roots. */
  minimalRoots(ids: Iterable<string>): string[] {
    const set = new Set([...ids].filter((id) => this.nodes.has(id)));
    return [...set].filter((id) => !this.ancestors(id).some((ancestor) => set.has(ancestor))).sort();
  }

  /** True when `id` is `root` or one of its descendants. */
  isWithin(id: string, root: string): boolean {
    return id === root || this.ancestors(id).includes(root);
  }
}

/**
 * Lazily loaded, shared tree snapshot. Code that changes the tree calls `invalidate()` after commit;
 * other processes see a change within `maxAgeMs` (the snapshot is reloaded when older).
 */
export class EntityTreeCache {
  private snapshot: EntityTree | null = null;
  private loadedAt = 0;
  private loading: Promise<EntityTree> | null = null;
  private generation = 0;

  constructor(
    private readonly load: () => Promise<EntityNode[]>,
    private readonly maxAgeMs = 60_000,
  ) {}

  static fromDatabase(database: Database, maxAgeMs?: number): EntityTreeCache {
    return new EntityTreeCache(() => loadEntityNodes(database), maxAgeMs);
  }

  /** The snapshot when it is fresh, without waiting: undefined when `current()` would load. */
  currentNow(): EntityTree | undefined {
    return this.snapshot && Date.now() - this.loadedAt < this.maxAgeMs ? this.snapshot : undefined;
  }

  /** The current snapshot; concurrent callers during a reload share one query. */
  async current(): Promise<EntityTree> {
    const fresh = this.currentNow();
    if (fresh) return fresh;
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

  invalidate(): void {
    this.generation += 1;
    this.snapshot = null;
  }
}

async function loadEntityNodes(database: Database): Promise<EntityNode[]> {
  return withTransaction(
    database,
    { kind: 'system' },
    async (tx) => {
      const { rows } = await tx.client.query<EntityNode>(
        'SELECT id, parent_id AS "parentId", code, kind, name FROM entities',
      );
      return rows;
    },
    { readOnly: true },
  );
}
