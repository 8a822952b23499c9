import type { FieldError } from '../http/errors.js';
import type { EntityTree } from '../tenancy/entity-tree.js';
import type { FlagFields } from './feature-flags.repository.js';
/** Rules the schema cannot express: variants exist, boolean flags keep on/off, entities exist. Empty when valid. */
export declare function flagProblems(flag: FlagFields, tree: EntityTree): FieldError[];
