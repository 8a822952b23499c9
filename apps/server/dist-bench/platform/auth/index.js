export { requirePermission, requirePrincipal, requireSessionPrincipal, dbScopeFor } from './principal.js';
export { registerPermissions, listPermissions, isKnownPermission, PLATFORM_PERMISSIONS } from './permissions.js';
export { registerAuth, ACCESS_TOKEN_PREFIX } from './auth-hook.js';
export { SESSION_COOKIE, CSRF_HEADER, sessionCookieOptions } from './session-cookie.js';
export { ResolvedPrincipal, resolvePermissionRoots, restrictToPermissions } from './resolved-principal.js';
//# sourceMappingURL=index.js.map