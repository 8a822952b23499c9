import type { FastifyInstance, onSendHookHandler } from 'fastify';

/**
 * Route option `config: { deprecation: { since, sunset?, link? } }` → on every response
 * `Deprecation: @<unix seconds>` (RFC 9745), `Sunset: <HTTP-date>` (RFC 8594),
 * `Link: <…>; rel="deprecation"`, and `deprecated: true` on the OpenAPI operation.
 */
export interface DeprecationOptions {
  /** Date (YYYY-MM-DD or RFC 3339) from which the route is deprecated. */
  since: string;
  /** Date after which the route may be removed. */
  sunset?: string;
  /** Human-readable migration notes. */
  link?: string;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    deprecation?: DeprecationOptions;
  }
}

export function deprecationHeaders(options: DeprecationOptions): Record<string, string> {
  const since = parseDate(options.since, 'since');
  const headers: Record<string, string> = { deprecation: `@${Math.floor(since.getTime() / 1000)}` };
  const links: string[] = [];
  if (options.link) links.push(`<${options.link}>; rel="deprecation"; type="text/html"`);
  if (options.sunset) {
    headers.sunset = parseDate(options.sunset, 'sunset').toUTCString();
    if (options.link) links.push(`<${options.link}>; rel="sunset"; type="text/html"`);
  }
  if (links.length > 0) headers.link = links.join(', ');
  return headers;
}

/** Must be registered before @fastify/swagger so that the document sees `deprecated: true`. */
export function registerDeprecation(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    const options = (route.config as { deprecation?: DeprecationOptions } | undefined)?.deprecation;
    if (!options) return;
    const headers = deprecationHeaders(options);
    route.schema = { ...(route.schema ?? {}), deprecated: true } as typeof route.schema;
    const addHeaders: onSendHookHandler = async (_request, reply, payload) => {
      for (const [name, value] of Object.entries(headers)) {
        // Keep a Link header the route set itself, adding ours to it.
        const existing = name === 'link' ? reply.getHeader('link') : undefined;
        reply.header(name, existing ? `${String(existing)}, ${value}` : value);
      }
      return payload;
    };
    const existing = route.onSend;
    route.onSend = existing ? [...(Array.isArray(existing) ? existing : [existing]), addHeaders] : [addHeaders];
  });
}

function parseDate(value: string, what: string): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new Error(`deprecation.${what}: "${value}" is not a date`);
  return date;
}
