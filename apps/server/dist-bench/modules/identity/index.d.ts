import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app.js';
import type { IdentityContext } from './context/identity-context.js';
/**
 * Identity and access: resolves the caller of every request (session cookie or personal access
 * token, see platform/auth), and serves sign-in, MFA, users, roles, grants and tokens.
 * Register it before the business modules, so that their routes see `request.principal`.
 */
export declare function registerIdentity(app: FastifyInstance, appContext: AppContext): IdentityContext;
export { syncSystemRoles, SYSTEM_ROLES } from './roles/system-roles.js';
export type { IdentityContext } from './context/identity-context.js';
export { seedDemoAccounts, DEMO_ACCOUNTS } from './demo/demo-accounts.js';
