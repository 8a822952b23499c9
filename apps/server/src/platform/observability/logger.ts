import type { FastifyServerOptions } from 'fastify';
import type { AppConfig } from '../config/index.js';

/**
 * Paths pino replaces with "[redacted]" wherever they appear in a log object: credentials,
 * tokens and personal data never reach a log line (see the test in logger.test.ts).
 */
export const REDACTED_PATHS = [
  'password',
  '*.password',
  'newPassword',
  '*.newPassword',
  'token',
  '*.token',
  'totp',
  '*.totp',
  'secret',
  '*.secret',
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  'config.sessionSecret',
  'config.encryptionKeys',
  'config.blindIndexKey',
];

export function loggerOptions(config: Pick<AppConfig, 'logLevel'>): FastifyServerOptions['logger'] {
  return {
    level: config.logLevel,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    // Log the route template and ids only: raw URLs may carry personal data in query strings.
    serializers: {
      req: (request: { method: string; routeOptions?: { url?: string }; id: string }) => ({
        method: request.method,
        route: request.routeOptions?.url,
        requestId: request.id,
      }),
    },
  };
}
