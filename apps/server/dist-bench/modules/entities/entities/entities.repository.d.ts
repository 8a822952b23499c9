import type { Tx } from '../../../platform/db/index.js';
import type { CollectionQuery } from '../../../platform/http/collection.js';
import { type CollectionPage } from '../../../platform/http/collection-sql.js';
import { type EntityKind } from '../../../platform/tenancy/entity-tree.tables.js';
import type { Entity } from './entities.schema.js';
/** The writable fields, flattened to their columns. */
export interface EntityFields {
    name: string;
    siren: string | null;
    legalName: string | null;
    addressLine: string | null;
    postalCode: string | null;
    city: string | null;
    email: string | null;
    phone: string | null;
}
export declare function fieldsOf(entity: Entity): EntityFields;
/** One page of the flat list, filtered and sorted as the collection query says. */
export declare function fetchEntityPage(tx: Tx, query: CollectionQuery): Promise<CollectionPage<Entity>>;
export declare function findAllEntities(tx: Tx): Promise<Entity[]>;
export declare function findEntityById(tx: Tx, id: string, options?: {
    forUpdate?: boolean;
}): Promise<Entity | null>;
export declare function findNationalEntityId(tx: Tx): Promise<string | null>;
export declare function codeExists(tx: Tx, code: string): Promise<boolean>;
/** True when `id` is one of the roots or lies below one of them (closure table). */
export declare function isWithinRoots(tx: Tx, id: string, roots: readonly string[]): Promise<boolean>;
export declare function insertEntity(tx: Tx, entity: EntityFields & {
    id: string;
    kind: EntityKind;
    code: string;
    parentId: string;
    inseeCode: string | null;
}): Promise<Entity>;
/** Writes the fields and bumps the version, only if the version is still the expected one (null: no row updated). */
export declare function updateEntityFields(tx: Tx, id: string, expectedVersion: number, fields: EntityFields): Promise<Entity | null>;
/** The closure-table trigger rewrites the subtree's paths (and refuses a cycle as a backstop). */
export declare function updateEntityParent(tx: Tx, id: string, parentId: string): Promise<Entity>;
