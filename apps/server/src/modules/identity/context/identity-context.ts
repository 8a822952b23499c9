import type { AppConfig } from '../../../platform/config/index.js';
import type { FieldCipher } from '../../../platform/crypto/index.js';
import type { Database } from '../../../platform/db/index.js';
import type { EntityTreeCache } from '../../../platform/tenancy/entity-tree.js';
import type { AccessCache } from '../access/access-cache.js';
import type { LoginRateLimiter } from '../sessions/login-rate-limiter.js';

/** What the identity services share for one app instance. */
export interface IdentityContext {
  config: AppConfig;
  database: Database;
  cipher: FieldCipher;
  entityTree: EntityTreeCache;
  access: AccessCache;
  loginLimiter: LoginRateLimiter;
}
