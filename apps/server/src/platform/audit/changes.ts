import { isDeepStrictEqual } from 'node:util';
import { MASKED, isSensitiveField, maskSensitive } from './sensitive-fields.js';

export type AuditChanges = Record<string, { before: unknown; after: unknown }>;

/**
 * Only the keys whose value differs, as `{ field: { before, after } }`; a creation has every
 * `before` null, a deletion every `after` null. Sensitive fields show MASKED on the side where
 * they hold a value, so the trail says a password changed without ever holding it.
 * Returns null when nothing is recorded (no snapshots, or no difference).
 */
export function diffChanges(
  before: Record<string, unknown> | null | undefined,
  after: Record<string, unknown> | null | undefined,
): AuditChanges | null {
  if (!before && !after) return null;
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: AuditChanges = {};
  for (const key of [...keys].sort()) {
    const previous = before?.[key] ?? null;
    const next = after?.[key] ?? null;
    // Compare the raw values (a nested secret that changed is a change), store them masked.
    if (isDeepStrictEqual(toJson(previous), toJson(next))) continue;
    changes[key] = isSensitiveField(key)
      ? { before: previous === null ? null : MASKED, after: next === null ? null : MASKED }
      : { before: maskSensitive(previous), after: maskSensitive(next) };
  }
  return Object.keys(changes).length > 0 ? changes : null;
}

// A JSON round trip, so that a Date and its ISO string compare equal and undefined fields vanish.
function toJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)) ?? 'null');
}
