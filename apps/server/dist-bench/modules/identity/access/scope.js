/** The database scope of a principal acting with one permission (RLS shows only those subtrees). */
export function scopeOf(principal, permission) {
    return { kind: 'entities', entityRoots: principal.rootsFor(permission), userId: principal.userId };
}
//# sourceMappingURL=scope.js.map