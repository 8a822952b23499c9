export type AuditChanges = Record<string, {
    before: unknown;
    after: unknown;
}>;
/**
 * Only the keys whose value differs, as `{ field: { before, after } }`; a creation has every
 * `before` null, a deletion every `after` null. Sensitive fields show MASKED on the side where
 * they hold a value, so the trail says a password changed without ever holding it.
 * Returns null when nothing is recorded (no snapshots, or no difference).
 */
export declare function diffChanges(before: Record<string, unknown> | null | undefined, after: Record<string, unknown> | null | undefined): AuditChanges | null;
