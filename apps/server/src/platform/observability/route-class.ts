/**
 * Route classes group routes that share a latency objective (docs/slo.md). A route gets its class
 * from its method and template; a route the rules misjudge declares `config: { sloClass: '…' }`.
 */
export const ROUTE_CLASSES = ['read_by_id', 'collection', 'search', 'write', 'export', 'ai_answer', 'internal', 'unmatched'] as const;
export type RouteClass = (typeof ROUTE_CLASSES)[number];

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Overrides the route class derived from the method and template (see route-class.ts). */
    sloClass?: RouteClass;
  }
}

const INTERNAL_ROUTES = new Set(['/livez', '/readyz', '/metrics']);
const EXPORT_TYPES = /^(text\/csv|application\/vnd\.openxmlformats-officedocument\.spreadsheetml)/;

export interface RouteFacts {
  method: string;
  /** Route template, or `unmatched`. */
  route: string;
  query: unknown;
  /** Content-Type of the response: a collection asked for as CSV is an export. */
  contentType?: string | undefined;
  declared?: RouteClass | undefined;
}

export function classifyRoute({ method, route, query, contentType, declared }: RouteFacts): RouteClass {
  if (declared) return declared;
  if (route === 'unmatched') return 'unmatched';
  if (INTERNAL_ROUTES.has(route) || !route.startsWith('/api/')) return 'internal';
  const segments = route.split('/');
  if (segments.includes('exports') || segments.includes('export') || EXPORT_TYPES.test(contentType ?? '')) return 'export';
  if (segments.includes('ai') && segments.some((s) => s === 'answers' || s === 'ask' || s === 'questions')) return 'ai_answer';
  if (segments.includes('search') || hasSearchText(query)) return 'search';
  if (method !== 'GET' && method !== 'HEAD') return 'write';
  return segments.at(-1)?.startsWith(':') ? 'read_by_id' : 'collection';
}

/** A collection read with full-text `q` costs like a search, whatever the path. */
function hasSearchText(query: unknown): boolean {
  if (typeof query !== 'object' || query === null) return false;
  const q = (query as Record<string, unknown>).q;
  return typeof q === 'string' && q.trim() !== '';
}

/**
 * classifyRoute, remembered per method, template, declared class and the two facts of the request
 * it looks at (search text, export type): the metrics hook asks on every request.
 */
export function memoisedClassifier(): (facts: RouteFacts) => RouteClass {
  const known = new Map<string, RouteClass>();
  return (facts) => {
    const key = `${facts.method} ${facts.declared ?? ''} ${hasSearchText(facts.query) ? 'q' : ''} ${EXPORT_TYPES.test(facts.contentType ?? '') ? 'x' : ''} ${facts.route}`;
    let routeClass = known.get(key);
    if (routeClass === undefined) known.set(key, (routeClass = classifyRoute(facts)));
    return routeClass;
  };
}
