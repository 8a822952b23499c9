import { Type } from 'typebox';
import { defineCollection } from '../../../platform/http/collection.js';
import { ENTITY_KINDS, entities } from '../../../platform/tenancy/entity-tree.tables.js';
/** Filters, sort and paging of `GET /api/v1/entities` (the shared collection conventions). */
export const entityCollection = defineCollection({
    name: 'entities',
    id: entities.id,
    fields: {
        kind: { column: entities.kind, type: 'enum', values: ENTITY_KINDS, filter: ['eq', 'in'], sort: true, description: 'Kind' },
        parentId: { column: entities.parentId, type: 'uuid', filter: ['eq'], description: 'Parent entity id' },
        code: { column: entities.code, type: 'string', filter: ['eq', 'in'], sort: true, description: 'Code (FR, R84, 69, 2A…)' },
        name: { column: entities.name, type: 'string', filter: ['contains'], sort: true, description: 'Name' },
        updatedAt: { column: entities.updatedAt, type: 'date-time', filter: ['gte', 'lte'], sort: true, description: 'Last change' },
    },
    defaultSort: 'code',
    defaultLimit: 50,
    maxLimit: 500,
    extraParameters: {
        view: Type.Optional(Type.Union([Type.Literal('flat'), Type.Literal('tree')], {
            description: '`tree`: the whole network nested from the national office (filters, sort and paging do not apply).',
        })),
    },
});
//# sourceMappingURL=entities.collection.js.map