import { readInteger, type Env } from './env.js';

/** Socket timeouts: what a slow or stalled client (slowloris) may hold before it is cut off. */
export interface HttpTimeouts {
  /** The whole request, headers and body, must arrive within this (408 then closed). */
  requestTimeoutSeconds: number;
  /** An idle socket (keep-alive between requests, or a client that stopped sending) is closed after this. */
  idleTimeoutSeconds: number;
}

/** `HTTP_REQUEST_TIMEOUT_SECONDS` (default 60) and `HTTP_IDLE_TIMEOUT_SECONDS` (default 30). */
export function readHttpTimeouts(env: Env): HttpTimeouts {
  return {
    requestTimeoutSeconds: readInteger(env, 'HTTP_REQUEST_TIMEOUT_SECONDS', 60, 1, 3600),
    idleTimeoutSeconds: readInteger(env, 'HTTP_IDLE_TIMEOUT_SECONDS', 30, 1, 3600),
  };
}
