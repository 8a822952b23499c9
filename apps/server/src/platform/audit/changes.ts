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
    const previous = normalise(before?.[key]);
    const next = normalise(after?.[key]);
    if (isDeepStrictEqual(previous, next)) continue;
    changes[key] = isSensitiveField(key)
      ? { before: previous === null ? null : MASKED, after: next === null ? null : MASKED }
      : { before: previous, after: next };
  }
  return Object.keys(changes).length > 0 ? changes : null;
}

// JSON round trip first, so a Date and its ISO string compare equal and undefined reads as null.
function normalise(value: unknown): unknown {
  const masked = maskSensitive(value);
  return masked === undefined ? null : masked;
}
