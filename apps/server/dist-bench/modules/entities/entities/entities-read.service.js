import { withTransaction } from '../../../platform/db/index.js';
import { NotFoundError } from '../../../platform/http/errors.js';
import { ENTITY_KINDS } from '../../../platform/tenancy/entity-tree.tables.js';
import { fetchEntityPage, findAllEntities, findEntityById } from './entities.repository.js';
// The tree is network-wide reference data: every reader sees all of it, whatever their scope.
export async function listEntities(database, scope, query) {
    return withTransaction(database, scope, (tx) => fetchEntityPage(tx, query), { readOnly: true });
}
export async function getEntity(database, scope, id) {
    const entity = await withTransaction(database, scope, (tx) => findEntityById(tx, id), { readOnly: true });
    if (!entity)
        throw new NotFoundError('Entity');
    return entity;
}
/** The whole network nested under its root(s); siblings ordered by kind (régions before federations) then code. */
export async function getEntityTree(database, scope) {
    const entities = await withTransaction(database, scope, (tx) => findAllEntities(tx), { readOnly: true });
    return nestEntities(entities);
}
export function nestEntities(entities) {
    const nodes = new Map(entities.map((entity) => [entity.id, { id: entity.id, kind: entity.kind, code: entity.code, name: entity.name, parentId: entity.parentId, children: [] }]));
    const roots = [];
    for (const node of nodes.values()) {
        const parent = node.parentId ? nodes.get(node.parentId) : undefined;
        (parent ? parent.children : roots).push(node);
    }
    const rank = (kind) => ENTITY_KINDS.indexOf(kind);
    const order = (a, b) => rank(a.kind) - rank(b.kind) || a.code.localeCompare(b.code, 'fr', { numeric: true });
    const sortDeep = (list) => {
        list.sort(order);
        for (const node of list)
            sortDeep(node.children);
    };
    sortDeep(roots);
    return roots;
}
//# sourceMappingURL=entities-read.service.js.map