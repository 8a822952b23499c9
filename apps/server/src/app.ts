import Fastify, { type FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { DestinationStream } from 'pino';
import type { AppConfig } from './platform/config/index.js';
import { openDatabase, runMigrations, type Database } from './platform/db/index.js';
import { registerProblemHandler } from './platform/http/problem-handler.js';
import { registerHttpConventions } from './platform/http/http-conventions.js';
import { strictBodySchemaController } from './platform/http/validation.js';
import { loggerOptions } from './platform/observability/logger.js';
import { registerHealthRoutes } from './platform/observability/health.routes.js';
import { createMetrics, deferredChildLoggerFactory, registerMetrics, registerTraceRoute, requestIdOf, RequestLogController, type Metrics } from './platform/observability/index.js';
import { FrontDoor } from './platform/http/front-door.js';
import { FieldCipher } from './platform/crypto/index.js';
import { EntityTreeCache } from './platform/tenancy/entity-tree.js';
import { refreshTreePathsStatistics } from './platform/tenancy/tree-paths-statistics.js';
import { registerIdentity } from './modules/identity/index.js';
import { registerEntitiesModule } from './modules/entities/index.js';
import { registerDeduplication, registerExports, registerImports, registerInteractions, registerOrganizations, registerPersons, registerSegments } from './modules/crm/index.js';
import { registerMembership } from './modules/membership/index.js';
import { registerMedia } from './modules/media/index.js';
import { registerCms } from './modules/cms/index.js';
import { registerCmsDelivery } from './modules/cms/delivery/index.js';
import { registerTasks } from './modules/tasks/index.js';
import { registerMandates } from './modules/mandates/index.js';
import { registerEvents } from './modules/events/index.js';
import { registerAi } from './modules/ai/index.js';
import { registerDashboard } from './modules/dashboard/index.js';
import { createBus, registerBus, type MessageBus } from './platform/bus/index.js';
import { FeatureFlags, registerFeatureFlags } from './platform/flags/index.js';
import { registerAudit } from './platform/audit/index.js';
import { registerMail } from './platform/mail/index.js';
import { registerEntityExports } from './platform/ops/reversibility-api/register-entity-exports.js';
import { registerBackoffice } from './platform/spa/backoffice.js';

export interface AppContext {
  config: AppConfig;
  database: Database;
  /** This app's Prometheus registry and the recorders other parts feed (job bus: observeJob, setQueueStatsSource). */
  metrics: Metrics;
  /** Encrypts sensitive fields (TOTP secrets, …) with the configured keyring. */
  cipher: FieldCipher;
  /** In-memory network tree; whoever changes entities calls `entityTree.invalidate()` after commit. */
  entityTree: EntityTreeCache;
  /** Message bus: modules send inside their transactions and register handlers while the app is built. */
  bus: MessageBus;
  /** Feature flags (OpenFeature client and shortcuts); evaluation never queries the database. */
  flags: FeatureFlags;
}

export interface BuildAppOptions {
  /** An already open database (tests, CLI); otherwise opened from the configuration and closed with the app. */
  database?: Database;
  /** Where log lines go instead of stdout (tests that read the logs). */
  logStream?: DestinationStream;
  /**
   * Receives the app's context once built: main and the seed CLI seed with it after `ready()`
   * (system roles are synced then), outside onReady and its plugin timeout. Tests leave it unset.
   */
  onContext?: (context: AppContext) => void;
}

/**
 * Headers must arrive within 20 s (or the request timeout if shorter), and Node checks stalled
 * sockets every second rather than every 30 s, so a slowloris client is cut off on time.
 */
function slowClientLimits(requestTimeoutMs: number): { headersTimeout: number; connectionsCheckingInterval: number } {
  const headersTimeout = Math.min(requestTimeoutMs, 20_000);
  return { headersTimeout, connectionsCheckingInterval: Math.min(1_000, headersTimeout / 2) };
}

export async function buildApp(config: AppConfig, options: BuildAppOptions = {}) {
  const database = options.database ?? (await openDatabase(config));
  await runMigrations(database);
  await refreshTreePathsStatistics(database);
  const frontDoor = new FrontDoor();
  const app = Fastify({
    logger: loggerOptions(config, options.logStream),
    logController: new RequestLogController(),
    childLoggerFactory: deferredChildLoggerFactory,
    trustProxy: config.trustProxy,
    requestIdHeader: false,
    genReqId: (request) => requestIdOf(request.headers),
    ajv: { customOptions: { removeAdditional: false, allErrors: true, coerceTypes: 'array', useDefaults: true } },
    // Coercion for querystring/params/headers only; JSON bodies are validated as sent.
    schemaController: strictBodySchemaController(),
    bodyLimit: 1_048_576,
    connectionTimeout: config.http.idleTimeoutSeconds * 1000,
    requestTimeout: config.http.requestTimeoutSeconds * 1000,
    http: slowClientLimits(config.http.requestTimeoutSeconds * 1000),
    serverFactory: frontDoor.serverFactory,
  }).withTypeProvider<TypeBoxTypeProvider>();
  frontDoor.useLogger(app.log);
  app.decorate('frontDoor', frontDoor);

  const context: AppContext = {
    config,
    database,
    metrics: createMetrics({ pools: [database.pool, database.appPool] }),
    cipher: new FieldCipher(config.encryptionKeys, config.blindIndexKey),
    entityTree: EntityTreeCache.fromDatabase(database),
    bus: createBus(app, config, database),
    flags: new FeatureFlags(),
  };
  // Set on arrival, so that every answer carries it, errors included; a synchronous hook costs no promise.
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });
  registerProblemHandler(app);
  // Before any route: its onRoute hooks and the OpenAPI generator must see every route.
  await registerHttpConventions(app, context);
  // /metrics checks its scraper's bearer token itself (route config `authentication: 'route'`).
  registerMetrics(app, context.metrics, config.metricsToken);
  if (config.otlpEndpoint) await registerTraceRoute(app);
  registerHealthRoutes(app, context);
  registerBus(app, context);
  registerFeatureFlags(app, context);
  registerAudit(app, context);
  registerMail(app, context);
  registerEntityExports(app, context);
  registerIdentity(app, context);
  registerEntitiesModule(app, context);
  registerOrganizations(app, context);
  registerPersons(app, context);
  registerImports(app, context);
  registerExports(app, context);
  registerSegments(app, context);
  registerInteractions(app, context);
  registerDeduplication(app, context);
  registerMembership(app, context);
  registerMedia(app, context);
  registerCms(app, context);
  registerCmsDelivery(app, context);
  registerTasks(app, context);
  registerMandates(app, context);
  registerEvents(app, context);
  registerAi(app, context);
  registerDashboard(app, context);
  await registerBackoffice(app, config);
  // Every module has registered its messages: install the queues and start the workers here rather
  // than in onReady, whose 10 s plugin timeout a first pg-boss install on a busy database can exceed.
  await context.bus.start();
  options.onContext?.(context);
  if (!options.database) app.addHook('onClose', () => database.close());
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
export type { FastifyInstance };
