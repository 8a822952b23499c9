import type { Principal } from '../../../platform/auth/index.js';
import type { DbScope } from '../../../platform/db/index.js';
/** The database scope of a principal acting with one permission (RLS shows only those subtrees). */
export declare function scopeOf(principal: Principal, permission: string): DbScope;
