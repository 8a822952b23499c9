import { readInteger, type Env } from './env.js';

/** How fast the bus notices a worker that died without stopping (killed, out of memory, node lost). */
export interface BusSettings {
  /** A running job's worker refreshes it every half of this; a job silent this long is retried elsewhere. */
  heartbeatSeconds: number;
  /** How often workers look for such silent (or expired) jobs. */
  superviseIntervalSeconds: number;
}

/** `BUS_HEARTBEAT_SECONDS` (pg-boss minimum 10) and `BUS_SUPERVISE_INTERVAL_SECONDS`. */
export function readBusSettings(env: Env): BusSettings {
  return {
    heartbeatSeconds: readInteger(env, 'BUS_HEARTBEAT_SECONDS', 30, 10, 3600),
    superviseIntervalSeconds: readInteger(env, 'BUS_SUPERVISE_INTERVAL_SECONDS', 30, 1, 3600),
  };
}
