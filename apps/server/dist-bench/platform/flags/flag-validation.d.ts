import type { FieldError } from '../http/errors.js';
import type { FlagFields } from './feature-flags.repository.js';
/**
 * Rules the schema cannot express: variants exist, boolean flags keep on/off, named entities exist
 * (`unknownEntities`, looked up by the caller). Empty when valid.
 */
export declare function flagProblems(flag: FlagFields, unknownEntities: ReadonlySet<string>): FieldError[];
