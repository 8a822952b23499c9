import type { FastifyServerOptions } from 'fastify';
import type { DestinationStream } from 'pino';
import type { AppConfig } from '../config/index.js';
export declare const REDACTED_PATHS: string[];
/** `stream` replaces stdout (tests read the lines an app writes). */
export declare function loggerOptions(config: Pick<AppConfig, 'logLevel'>, stream?: DestinationStream): FastifyServerOptions['logger'];
/**
 * pino's standard serializer copies every enumerable property of an error; PostgreSQL errors carry
 * `detail` ("Key (email)=(…) already exists") and `where`, which quote row values. Keep the type,
 * message, stack and the named fields only, and follow `cause` two levels deep.
 */
export declare function serializeError(error: unknown, depth?: number): Record<string, unknown>;
