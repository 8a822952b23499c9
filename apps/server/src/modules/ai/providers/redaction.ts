/**
 * Personal data removed from everything sent to an external provider (question and chunks):
 * e-mail addresses, IBANs, French social-security numbers (NIR) and phone numbers. Applied on the
 * prompt actually sent; errs on the side of redacting (a long number that looks like a NIR is masked).
 * Order matters: IBANs and NIRs contain digit runs a phone pattern would otherwise half-match.
 */
const RULES: ReadonlyArray<{ kind: RedactedKind; pattern: RegExp; token: string }> = [
  { kind: 'email', pattern: /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, token: '[courriel masqué]' },
  // Two letters, two check digits, then 10 to 30 letters/digits, possibly grouped by 4 with spaces.
  { kind: 'iban', pattern: /\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,4})?\b/g, token: '[IBAN masqué]' },
  // Sex, year, month (or 20-99 for unknown), département (2A/2B for Corsica), commune, order, optional key.
  {
    kind: 'nir',
    pattern: /\b[12][ .]?\d{2}[ .]?(?:0[1-9]|1[0-2]|[2-9]\d)[ .]?(?:\d{2}|2[AB])[ .]?\d{3}[ .]?\d{3}(?:[ .]?\d{2})?\b/g,
    token: '[NIR masqué]',
  },
  { kind: 'phone', pattern: /(?<![\w+])(?:(?:\+|00)33[ .-]?(?:\(0\)[ .-]?)?[1-9]|0[1-9])(?:[ .-]?\d{2}){4}\b/g, token: '[téléphone masqué]' },
];

export type RedactedKind = 'email' | 'iban' | 'nir' | 'phone';

export interface Redaction {
  text: string;
  /** How many values of each kind were masked (audited, never the values). */
  counts: Record<RedactedKind, number>;
}

export function redact(text: string): Redaction {
  const counts: Record<RedactedKind, number> = { email: 0, iban: 0, nir: 0, phone: 0 };
  let result = text;
  for (const rule of RULES) {
    result = result.replace(rule.pattern, () => {
      counts[rule.kind] += 1;
      return rule.token;
    });
  }
  return { text: result, counts };
}

export function redactText(text: string): string {
  return redact(text).text;
}

/** The text with personal data removed altogether (topic matching). */
export function withoutPersonalData(text: string): string {
  let result = text;
  for (const rule of RULES) result = result.replace(rule.pattern, ' ');
  return result;
}
