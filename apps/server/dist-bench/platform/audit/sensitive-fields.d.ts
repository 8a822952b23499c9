/** What a masked value reads as in the audit trail: the change is recorded, never its content. */
export declare const MASKED = "[masked]";
/**
 * Declares field names whose values never reach the audit trail (modules call it at import time,
 * e.g. `registerSensitiveFields(['birthDate', 'nir'])`). The name matches at any depth.
 */
export declare function registerSensitiveFields(fields: readonly string[]): void;
export declare function isSensitiveField(field: string): boolean;
/** A JSON-safe copy of a value with every sensitive field, at any depth, replaced by MASKED. */
export declare function maskSensitive(value: unknown): unknown;
