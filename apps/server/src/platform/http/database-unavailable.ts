/** Socket failures node-postgres reports when the database cannot be reached. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'EAI_AGAIN']);

/** SQLSTATE: class 08 (connection exception), server shutting down or starting, no connection slot left. */
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[123]|53300)$/;

/** node-postgres's messages for a lost connection or a pool that could not connect in time. */
const LOST_CONNECTION = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended unexpectedly/i;

/**
 * Whether an error means "the database is unreachable right now" (a 503 worth retrying) rather than
 * a bug (a 500). Drizzle wraps driver errors: the cause chain is followed a few levels.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!(error instanceof Error) || depth > 3) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || UNAVAILABLE_SQLSTATE.test(code))) return true;
  if (LOST_CONNECTION.test(error.message)) return true;
  return isDatabaseUnavailable(error.cause, depth + 1);
}
