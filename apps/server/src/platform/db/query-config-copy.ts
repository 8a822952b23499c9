import { createRequire } from 'node:module';

type QueryConfigArgument = string | object | null | undefined;
type Normalize = (config: QueryConfigArgument, values?: unknown, callback?: unknown) => Record<string, unknown>;

// The module whose `normalizeQueryConfig` node-postgres's `Query` calls through its exports object.
const pgUtils = createRequire(import.meta.url)('pg/lib/utils.js') as { normalizeQueryConfig: Normalize & { plainCopy?: true } };

/**
 * node-postgres copies every query config before reading it, so that adding `values` or `callback`
 * never changes the caller's object. It copies through property descriptors (`Object.create` +
 * `defineProperties`), which keeps prototypes and accessors but costs ~1.5 µs a query against a few
 * dozen nanoseconds for a spread (docs/perf.md, 2026-12-03 evening): about 1 % of a read by id. Our
 * configs are plain object literals, for which a spread is the same copy; any other object keeps
 * node-postgres's own path. `Query` reads each field once when it is built, so an accessor's value
 * taken then is what it would have read.
 */
export function installPlainQueryConfigCopy(): void {
  const original = pgUtils.normalizeQueryConfig;
  if (original.plainCopy) return;
  const normalize: Normalize & { plainCopy?: true } = (config, values, callback) => {
    if (typeof config !== 'object' || config === null || Object.getPrototypeOf(config) !== Object.prototype) return original(config, values, callback);
    const copy: Record<string, unknown> = { ...config };
    if (values) {
      if (typeof values === 'function') copy.callback = values;
      else copy.values = values;
    }
    if (callback) copy.callback = callback;
    return copy;
  };
  normalize.plainCopy = true;
  pgUtils.normalizeQueryConfig = normalize;
}
