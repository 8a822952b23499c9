import { ForbiddenError, UnauthenticatedError } from '../http/errors.js';
export function requirePrincipal(request) {
    if (!request.principal)
        throw new UnauthenticatedError();
    return request.principal;
}
/** preHandler: 401 without a principal, 403 when the permission is held on no entity at all. */
export function requirePermission(permission) {
    return async (request) => {
        const principal = requirePrincipal(request);
        if (principal.rootsFor(permission).length === 0) {
            throw new ForbiddenError(`This action requires the permission "${permission}".`);
        }
    };
}
/** The database scope for a request acting with one permission: RLS then shows only those subtrees. */
export function dbScopeFor(request, permission) {
    const principal = requirePrincipal(request);
    return { kind: 'entities', entityRoots: principal.rootsFor(permission), userId: principal.userId };
}
/** For actions an access token must never perform (minting tokens, MFA, password): a browser session only. */
export function requireSessionPrincipal(request) {
    const principal = requirePrincipal(request);
    if (principal.via !== 'session')
        throw new ForbiddenError('This action requires signing in with your password; access tokens cannot perform it.', 'session_required');
    return principal;
}
//# sourceMappingURL=principal.js.map