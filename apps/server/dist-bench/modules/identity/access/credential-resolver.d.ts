import type { Database } from '../../../platform/db/index.js';
import { type CredentialResolver } from '../../../platform/auth/index.js';
import type { AccessCache } from './access-cache.js';
export declare function createCredentialResolver(database: Database, access: AccessCache, sessionTtlMinutes: number): CredentialResolver;
