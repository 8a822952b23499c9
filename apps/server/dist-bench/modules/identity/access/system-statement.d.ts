import type { Database } from '../../../platform/db/index.js';
/**
 * Runs one statement in a system-scoped transaction in a single round trip (BEGIN, role, scope,
 * statement and COMMIT sent together over the simple protocol). This is what keeps the per-request
 * credential lookup to one round trip. The simple protocol takes no parameters, so callers inline
 * only values they produced and validated themselves (hex digests, integers).
 */
export declare function runSystemStatement<T>(database: Database, statement: string): Promise<T[]>;
/** A sha256 hex digest, checked before it is inlined into SQL. */
export declare function sqlDigest(digest: string): string;
