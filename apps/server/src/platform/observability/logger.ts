import type { FastifyServerOptions } from 'fastify';
import type { DestinationStream } from 'pino';
import type { AppConfig } from '../config/index.js';
import { LineBlocks } from './line-blocks.js';

/**
 * Paths pino replaces with "[redacted]" wherever they appear in a log object: credentials,
 * tokens and personal data never reach a log line (see the test in logger.test.ts).
 */
// Secret-bearing field names, redacted at the top of a log object and one level down (pino has no
// recursive wildcard: `{ body: { password } }` is covered, `{ a: { b: { password } } }` is not).
const SECRET_FIELDS = [
  'password',
  'newPassword',
  'currentPassword',
  'temporaryPassword',
  'passwordHash',
  'token',
  'accessToken',
  'csrfToken',
  'totp',
  'totpSecret',
  'recoveryCodes',
  'secret',
  'iban',
];

const SECRET_HEADERS = ['authorization', 'cookie', '["x-csrf-token"]', '["set-cookie"]'];

export const REDACTED_PATHS = [
  ...SECRET_FIELDS.flatMap((field) => [field, `*.${field}`]),
  ...SECRET_HEADERS.flatMap((header) => {
    const path = header.startsWith('[') ? header : `.${header}`;
    return [`headers${path}`, `req.headers${path}`, `res.headers${path}`, `*.headers${path}`];
  }),
  'config.sessionSecret',
  'config.encryptionKeys',
  'config.blindIndexKey',
  'config.metricsToken',
  'config.demoPassword',
  // The connection string carries the database password.
  'config.databaseUrl',
];

/** `stream` replaces stdout (tests read the lines an app writes). */
export function loggerOptions(config: Pick<AppConfig, 'logLevel'>, stream?: DestinationStream): FastifyServerOptions['logger'] {
  return {
    level: config.logLevel,
    stream: stream ?? bufferedDestination(1),
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    // Log the route template and ids only: raw URLs may carry personal data in query strings.
    serializers: {
      req: (request: { method: string; routeOptions?: { url?: string }; id: string }) => ({
        method: request.method,
        route: request.routeOptions?.url,
        requestId: request.id,
      }),
      res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
      err: (error: Error) => serializeError(error) as { type: string; message: string; stack: string },
    },
  };
}

/** How long a line may wait in the buffer when traffic is low. */
export const LOG_FLUSH_INTERVAL_MS = 500;

/**
 * Where the lines go (stdout in production): written asynchronously and in blocks of at least
 * 4 KiB, as pino advises for throughput. One write through libuv's thread pool per dozen lines
 * instead of one per request: that cost about an eighth of a read's CPU (docs/perf.md, 2026-12-02,
 * ADR 0033). A line waits at most LOG_FLUSH_INTERVAL_MS; what is pending is written when the
 * process exits, so only a killed process loses its last half second of lines.
 */
export function bufferedDestination(fd: number): LineBlocks {
  return new LineBlocks(fd, LOG_FLUSH_INTERVAL_MS);
}

/** Error fields that describe the failure without quoting data (see serializeError). */
const ERROR_FIELDS = ['code', 'status', 'statusCode', 'constraint', 'table', 'column', 'schema', 'routine'] as const;

/**
 * pino's standard serializer copies every enumerable property of an error; PostgreSQL errors carry
 * `detail` ("Key (email)=(…) already exists") and `where`, which quote row values. Keep the type,
 * message, stack and the named fields only, and follow `cause` two levels deep.
 */
export function serializeError(error: unknown, depth = 0): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error, message: String(error) };
  const out: Record<string, unknown> = { type: error.name, message: error.message, stack: error.stack };
  const fields = error as unknown as Record<string, unknown>;
  for (const field of ERROR_FIELDS) {
    const value = fields[field];
    if (typeof value === 'string' || typeof value === 'number') out[field] = value;
  }
  if (error.cause !== undefined && depth < 2) out.cause = serializeError(error.cause, depth + 1);
  return out;
}
