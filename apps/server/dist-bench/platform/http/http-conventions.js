import { registerDeprecation } from './deprecation.js';
import { registerIdempotency } from './idempotency.js';
import { registerMergePatchParser } from './merge-patch.js';
import { registerOpenApi } from './openapi.js';
import { registerSecurity } from './security.js';
/**
 * The HTTP conventions every route gets: security headers and CORS, merge-patch bodies, deprecation
 * headers, Idempotency-Key on POST, and the OpenAPI document. Register before any route: the
 * deprecation and idempotency `onRoute` hooks must run before @fastify/swagger records the route.
 */
export async function registerHttpConventions(app, context) {
    await registerSecurity(app, context.config);
    registerMergePatchParser(app);
    registerDeprecation(app);
    registerIdempotency(app, context.database);
    await registerOpenApi(app);
}
//# sourceMappingURL=http-conventions.js.map