/**
 * A broken business rule: a stable machine `code` (for the API, tests and translations) and a
 * French `message` a member of staff can act on without knowing the rule.
 */
export interface RuleViolation {
  readonly code: string;
  readonly message: string;
}

/** Pure rules return a result rather than throw: the import collects every reason of a row at once. */
export type RuleResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: RuleViolation };

export function ok<T>(value: T): RuleResult<T> {
  return { ok: true, value };
}

export function violation<T = never>(code: string, message: string): RuleResult<T> {
  return { ok: false, error: { code, message } };
}
