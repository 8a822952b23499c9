import { randomUUID } from 'node:crypto';
import Fastify, {} from 'fastify';
import { openDatabase, runMigrations } from './platform/db/index.js';
import { registerProblemHandler } from './platform/http/problem-handler.js';
import { registerHttpConventions } from './platform/http/http-conventions.js';
import { strictBodySchemaController } from './platform/http/validation.js';
import { loggerOptions } from './platform/observability/logger.js';
import { registerHealthRoutes } from './platform/observability/health.routes.js';
import { createMetrics, registerMetrics, registerTraceRoute, RequestLogController } from './platform/observability/index.js';
import { FieldCipher } from './platform/crypto/index.js';
import { EntityTreeCache } from './platform/tenancy/entity-tree.js';
import { registerIdentity } from './modules/identity/index.js';
import { registerEntitiesModule } from './modules/entities/index.js';
import { createBus, registerBus } from './platform/bus/index.js';
import { FeatureFlags, registerFeatureFlags } from './platform/flags/index.js';
import { registerAudit } from './platform/audit/index.js';
import { registerBackoffice } from './platform/spa/backoffice.js';
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
export async function buildApp(config, options = {}) {
    const database = options.database ?? (await openDatabase(config));
    await runMigrations(database);
    const app = Fastify({
        logger: loggerOptions(config, options.logStream),
        logController: new RequestLogController(),
        trustProxy: config.trustProxy,
        requestIdHeader: false,
        genReqId: (request) => {
            const incoming = request.headers['x-request-id'];
            return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
        },
        ajv: { customOptions: { removeAdditional: false, allErrors: true, coerceTypes: 'array', useDefaults: true } },
        // Coercion for querystring/params/headers only; JSON bodies are validated as sent.
        schemaController: strictBodySchemaController(),
        bodyLimit: 1_048_576,
        connectionTimeout: 30_000,
        requestTimeout: 60_000,
    }).withTypeProvider();
    const context = {
        config,
        database,
        metrics: createMetrics({ pool: database.pool }),
        cipher: new FieldCipher(config.encryptionKeys, config.blindIndexKey),
        entityTree: EntityTreeCache.fromDatabase(database),
        bus: createBus(app, config, database),
        flags: new FeatureFlags(),
    };
    app.addHook('onSend', async (request, reply) => {
        reply.header('x-request-id', request.id);
    });
    registerProblemHandler(app);
    // Before any route: its onRoute hooks and the OpenAPI generator must see every route.
    await registerHttpConventions(app, context);
    // Before identity: /metrics checks its own bearer token ahead of the user authentication hook.
    registerMetrics(app, context.metrics, config.metricsToken);
    if (config.otlpEndpoint)
        await registerTraceRoute(app);
    registerHealthRoutes(app, context);
    registerBus(app, context);
    registerFeatureFlags(app, context);
    registerAudit(app, context);
    registerIdentity(app, context);
    registerEntitiesModule(app, context);
    await registerBackoffice(app, config);
    // Last onReady hook: runs after every module's own (identity syncs the system roles in one).
    const { afterReady } = options;
    if (afterReady)
        app.addHook('onReady', () => afterReady(context));
    if (!options.database)
        app.addHook('onClose', () => database.close());
    return app;
}
//# sourceMappingURL=app.js.map