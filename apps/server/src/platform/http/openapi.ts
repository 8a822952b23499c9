import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { hoistSchemaIds, markRouteSchema, type SchemaDefinitions } from './openapi-components.js';

export const OPENAPI_PATH = '/api/v1/openapi.json';
export const DOCS_PATH = '/api/docs';
/** The contract's version: bump the minor on additive changes, the major (and the /api/vN prefix) on breaking ones. */
export const API_VERSION = '1.0.0';
/** Kept in step with platform/auth/session-cookie.ts (not imported: the kernel's HTTP layer must not need auth to boot). */
const SESSION_COOKIE = 'maillage_session';

type OpenApiDocument = Record<string, unknown>;

declare module 'fastify' {
  interface FastifySchema {
    hide?: boolean;
    deprecated?: boolean;
    tags?: readonly string[];
    summary?: string;
    description?: string;
    operationId?: string;
    security?: ReadonlyArray<Record<string, readonly string[]>>;
  }
}

/**
 * OpenAPI 3.1 generated from the route schemas (must be registered before any route), served at
 * /api/v1/openapi.json, and browsable at /api/docs with the Swagger UI bundle shipped inside
 * @fastify/swagger-ui (no CDN: the strict CSP holds).
 */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  const definitions: SchemaDefinitions = new Map();
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Maillage API',
        version: API_VERSION,
        description: 'Conventions (pagination, filters, errors, ETag, idempotency, deprecation): see docs/api-conventions.md.',
      },
      servers: [{ url: '/', description: 'This server' }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'Back-office session; unsafe methods also send X-CSRF-Token.' },
          bearer: { type: 'http', scheme: 'bearer', description: 'Personal access token (mlg_…).' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    refResolver: {
      // Component names are the TypeBox `$id`s (Problem, FieldError…), not def-0, def-1.
      buildLocalReference: (json, _baseUri, _fragment, index) => (typeof json.$id === 'string' ? json.$id : `def-${index}`),
    },
    transform: ({ schema, url, route }) => {
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      return { schema: schema ? (markRouteSchema(schema as unknown as OpenApiDocument, methods, definitions) as never) : schema, url };
    },
    transformObject: (documents) => hoistSchemaIds((documents as { openapiObject: OpenApiDocument }).openapiObject, definitions) as never,
  });
  app.get(OPENAPI_PATH, { schema: { hide: true } }, async () => app.swagger());
  await app.register(fastifySwaggerUi, {
    routePrefix: DOCS_PATH,
    uiConfig: { deepLinking: true, defaultModelsExpandDepth: 0 },
    // The global helmet policy applies; the UI bundle has no inline script to allow.
    staticCSP: false,
  });
}
