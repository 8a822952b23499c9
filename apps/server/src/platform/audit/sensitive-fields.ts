/** What a masked value reads as in the audit trail: the change is recorded, never its content. */
export const MASKED = '[masked]';

// Compared after normalisation, so `passwordHash`, `password_hash` and `PASSWORD-HASH` all match.
const sensitive = new Set(['password', 'passwordHash', 'token', 'secret', 'totpSecret', 'recoveryCodes', 'iban'].map(normalise));

function normalise(field: string): string {
  return field.replace(/[_\-\s]/g, '').toLowerCase();
}

/**
 * Declares field names whose values never reach the audit trail (modules call it at import time,
 * e.g. `registerSensitiveFields(['birthDate', 'nir'])`). The name matches at any depth.
 */
export function registerSensitiveFields(fields: readonly string[]): void {
  for (const field of fields) sensitive.add(normalise(field));
}

export function isSensitiveField(field: string): boolean {
  return sensitive.has(normalise(field));
}

/** A JSON-safe copy of a value with every sensitive field, at any depth, replaced by MASKED. */
export function maskSensitive(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskSensitive);
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, isSensitiveField(k) && v !== null ? MASKED : maskSensitive(v)]),
    );
  }
  return toJsonValue(value);
}

function toJsonValue(value: unknown): unknown {
  if (value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return value.toString();
  return value;
}
