export { requirePermission, requirePrincipal, requireSessionPrincipal, dbScopeFor, type Principal } from './principal.js';
export { registerPermissions, listPermissions, isKnownPermission, PLATFORM_PERMISSIONS, type Permission, type PermissionDefinition, type PermissionCategory } from './permissions.js';
export { registerAuth, ACCESS_TOKEN_PREFIX, type CredentialResolver, type MaybePromise, type SessionCredentials } from './auth-hook.js';
export { SESSION_COOKIE, CSRF_HEADER, sessionCookieOptions } from './session-cookie.js';
export { ResolvedPrincipal, resolvePermissionRoots, restrictToPermissions, type GrantedPermissions } from './resolved-principal.js';
