import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppConfig } from './platform/config/index.js';
import { openDatabase, runMigrations, type Database } from './platform/db/index.js';
import { registerProblemHandler } from './platform/http/problem-handler.js';
import { loggerOptions } from './platform/observability/logger.js';
import { registerHealthRoutes } from './platform/observability/health.routes.js';

export interface AppContext {
  config: AppConfig;
  database: Database;
}

export interface BuildAppOptions {
  /** An already open database (tests, CLI); otherwise opened from the configuration and closed with the app. */
  database?: Database;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export async function buildApp(config: AppConfig, options: BuildAppOptions = {}) {
  const database = options.database ?? (await openDatabase(config));
  await runMigrations(database);
  const app = Fastify({
    logger: loggerOptions(config),
    trustProxy: config.trustProxy,
    requestIdHeader: false,
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    ajv: { customOptions: { removeAdditional: false, allErrors: true, coerceTypes: 'array', useDefaults: true } },
    bodyLimit: 1_048_576,
    connectionTimeout: 30_000,
    requestTimeout: 60_000,
  }).withTypeProvider<TypeBoxTypeProvider>();

  const context: AppContext = { config, database };
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  registerProblemHandler(app);
  registerHealthRoutes(app, context);
  if (!options.database) app.addHook('onClose', () => database.close());
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
export type { FastifyInstance };
