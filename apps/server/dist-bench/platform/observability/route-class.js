/**
 * Route classes group routes that share a latency objective (docs/slo.md). A route gets its class
 * from its method and template; a route the rules misjudge declares `config: { sloClass: '…' }`.
 */
export const ROUTE_CLASSES = ['read_by_id', 'collection', 'search', 'write', 'export', 'ai_answer', 'internal', 'unmatched'];
const INTERNAL_ROUTES = new Set(['/livez', '/readyz', '/metrics']);
const EXPORT_TYPES = /^(text\/csv|application\/vnd\.openxmlformats-officedocument\.spreadsheetml)/;
export function classifyRoute({ method, route, query, contentType, declared }) {
    if (declared)
        return declared;
    if (route === 'unmatched')
        return 'unmatched';
    if (INTERNAL_ROUTES.has(route) || !route.startsWith('/api/'))
        return 'internal';
    const segments = route.split('/');
    if (segments.includes('exports') || segments.includes('export') || EXPORT_TYPES.test(contentType ?? ''))
        return 'export';
    if (segments.includes('ai') && segments.some((s) => s === 'answers' || s === 'ask' || s === 'questions'))
        return 'ai_answer';
    if (segments.includes('search') || hasSearchText(query))
        return 'search';
    if (method !== 'GET' && method !== 'HEAD')
        return 'write';
    return segments.at(-1)?.startsWith(':') ? 'read_by_id' : 'collection';
}
/** A collection read with full-text `q` costs like a search, whatever the path. */
function hasSearchText(query) {
    if (typeof query !== 'object' || query === null)
        return false;
    const q = query.q;
    return typeof q === 'string' && q.trim() !== '';
}
//# sourceMappingURL=route-class.js.map