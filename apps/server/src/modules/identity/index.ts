import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app.js';
import { registerAuth } from '../../platform/auth/index.js';
import { registerEncryptedColumn } from '../../platform/crypto/index.js';
import { AccessCache } from './access/access-cache.js';
import { createCredentialResolver } from './access/credential-resolver.js';
import type { IdentityContext } from './context/identity-context.js';
import { syncSystemRoles } from './roles/system-roles.js';
import { registerAuthRoutes } from './sessions/auth.routes.js';
import { registerGrantRoutes } from './grants/grants.routes.js';
import { registerMfaRoutes } from './mfa/mfa.routes.js';
import { registerRoleRoutes } from './roles/roles.routes.js';
import { registerTokenRoutes } from './tokens/tokens.routes.js';
import { registerUserRoutes } from './users/users.routes.js';
import { LoginRateLimiter } from './sessions/login-rate-limiter.js';
import { registerSessionJobs } from './sessions/sessions.jobs.js';

// TOTP secrets are FieldCipher ciphertexts: `npm run keys:rotate` re-encrypts them under a new key.
registerEncryptedColumn({ table: 'users', idColumn: 'id', column: 'totp_secret' });

/**
 * Identity and access: resolves the caller of every request (session cookie or personal access
 * token, see platform/auth), and serves sign-in, MFA, users, roles, grants and tokens.
 * Register it before the business modules, so that their routes see `request.principal`.
 */
export function registerIdentity(app: FastifyInstance, appContext: AppContext): IdentityContext {
  const { config, database, cipher, entityTree } = appContext;
  const context: IdentityContext = {
    config,
    database,
    cipher,
    entityTree,
    access: new AccessCache(database, entityTree),
    loginLimiter: new LoginRateLimiter(),
  };
  registerAuth(app, config, createCredentialResolver(database, context.access, config.sessionTtlMinutes));
  // After every module has registered its permissions: system roles then cover the whole catalogue.
  app.addHook('onReady', () => syncSystemRoles(database));
  registerAuthRoutes(app, context);
  registerMfaRoutes(app, context);
  registerTokenRoutes(app, context);
  registerRoleRoutes(app, context);
  registerUserRoutes(app, context);
  registerGrantRoutes(app, context);
  registerSessionJobs(appContext.bus, database);
  return context;
}

export { syncSystemRoles, SYSTEM_ROLES } from './roles/system-roles.js';
export type { IdentityContext } from './context/identity-context.js';
export { seedDemoAccounts, DEMO_ACCOUNTS } from './demo/demo-accounts.js';
export { createNationalAdministrator } from './users/first-administrator.js';
export { findUserSummaries, type UserSummary } from './users/user-summaries.js';
