import type { Database, DbScope } from '../../../platform/db/index.js';
import { withTransaction } from '../../../platform/db/index.js';
import type { CollectionQuery } from '../../../platform/http/collection.js';
import type { CollectionPage } from '../../../platform/http/collection-sql.js';
import { NotFoundError } from '../../../platform/http/errors.js';
import { ENTITY_KINDS, type EntityKind } from '../../../platform/tenancy/entity-tree.tables.js';
import { fetchEntityPage, findAllEntities, findEntityById } from './entities.repository.js';
import type { Entity, EntityTreeNode } from './entities.schema.js';

// The tree is network-wide reference data: every reader sees all of it, whatever their scope, so
// its reads run under the network scope, without a scope statement (ADR 0034).
const NETWORK: DbScope = { kind: 'network' };

export async function listEntities(database: Database, query: CollectionQuery): Promise<CollectionPage<Entity>> {
  return withTransaction(database, NETWORK, (tx) => fetchEntityPage(tx, query), { readOnly: true });
}

export async function getEntity(database: Database, id: string): Promise<Entity> {
  const entity = await withTransaction(database, NETWORK, (tx) => findEntityById(tx, id), { readOnly: true });
  if (!entity) throw new NotFoundError('Entity');
  return entity;
}

/** The whole network nested under its root(s); siblings ordered by kind (régions before federations) then code. */
export async function getEntityTree(database: Database): Promise<EntityTreeNode[]> {
  const entities = await withTransaction(database, NETWORK, (tx) => findAllEntities(tx), { readOnly: true });
  return nestEntities(entities);
}

export function nestEntities(entities: readonly Pick<Entity, 'id' | 'kind' | 'code' | 'name' | 'parentId'>[]): EntityTreeNode[] {
  const nodes = new Map<string, EntityTreeNode>(
    entities.map((entity) => [entity.id, { id: entity.id, kind: entity.kind, code: entity.code, name: entity.name, parentId: entity.parentId, children: [] }]),
  );
  const roots: EntityTreeNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const rank = (kind: EntityKind) => ENTITY_KINDS.indexOf(kind);
  const order = (a: EntityTreeNode, b: EntityTreeNode) => rank(a.kind) - rank(b.kind) || a.code.localeCompare(b.code, 'fr', { numeric: true });
  const sortDeep = (list: EntityTreeNode[]) => {
    list.sort(order);
    for (const node of list) sortDeep(node.children);
  };
  sortDeep(roots);
  return roots;
}
