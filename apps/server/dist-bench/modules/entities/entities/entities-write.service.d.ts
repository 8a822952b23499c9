import { type AuditActor } from '../../../platform/audit/index.js';
import type { Principal } from '../../../platform/auth/index.js';
import { type Database } from '../../../platform/db/index.js';
import type { CreateEntity, Entity, EntityPatch } from './entities.schema.js';
export interface EntityWriteDeps {
    database: Database;
    /** The shared tree snapshot (scopes, permissions): dropped after every committed change. */
    entityTree: {
        invalidate(): void;
    };
}
export interface EntityActor {
    principal: Principal;
    audit: AuditActor;
}
/** `*` (any version) or the version the client read, taken from If-Match. */
export type ExpectedVersion = number | '*';
/**
 * Updates name, legal identity, address or contact. Allowed on the entities of the caller's
 * subtree(s) for `entities.update`; anything else is "not found", so other branches do not leak.
 */
export declare function updateEntity(deps: EntityWriteDeps, actor: EntityActor, id: string, expected: ExpectedVersion, patch: EntityPatch): Promise<Entity>;
/** Creates an entity anywhere in the tree: national administrators only. */
export declare function createEntity(deps: EntityWriteDeps, actor: EntityActor, input: CreateEntity): Promise<Entity>;
/** Moves an entity and its whole subtree under another parent: national administrators only. */
export declare function moveEntity(deps: EntityWriteDeps, actor: EntityActor, id: string, parentId: string): Promise<Entity>;
