import type { Database, DbScope } from '../../../platform/db/index.js';
import type { CollectionQuery } from '../../../platform/http/collection.js';
import type { CollectionPage } from '../../../platform/http/collection-sql.js';
import type { Entity, EntityTreeNode } from './entities.schema.js';
export declare function listEntities(database: Database, scope: DbScope, query: CollectionQuery): Promise<CollectionPage<Entity>>;
export declare function getEntity(database: Database, scope: DbScope, id: string): Promise<Entity>;
/** The whole network nested under its root(s); siblings ordered by kind (régions before federations) then code. */
export declare function getEntityTree(database: Database, scope: DbScope): Promise<EntityTreeNode[]>;
export declare function nestEntities(entities: readonly Pick<Entity, 'id' | 'kind' | 'code' | 'name' | 'parentId'>[]): EntityTreeNode[];
