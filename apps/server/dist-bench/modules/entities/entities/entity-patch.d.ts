import { type EntityFields } from './entities.repository.js';
import type { Entity, EntityPatch } from './entities.schema.js';
/**
 * Applies a JSON Merge Patch (RFC 7396) to the writable fields: an absent key keeps the value,
 * null clears it, and a null group (`"address": null`) clears the whole group.
 */
export declare function applyEntityPatch(current: Entity, patch: EntityPatch): EntityFields;
/** Rules the JSON schema cannot state; the pointers name the fields of the API representation. */
export declare function assertValidFields(fields: EntityFields): void;
