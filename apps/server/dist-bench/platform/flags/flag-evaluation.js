import { matchRule } from './flag-rules.js';
/** A disabled flag serves its default variant to everyone; otherwise the first matching rule decides. */
export function evaluateFlag(flag, subject) {
    const fallback = (reason) => ({
        key: flag.key,
        value: flag.variants[flag.defaultVariant],
        variant: flag.defaultVariant,
        reason,
    });
    if (!flag.enabled)
        return fallback('DISABLED');
    const match = matchRule(flag.key, flag.rules, subject);
    // A rule naming a variant that no longer exists is ignored rather than served as undefined.
    if (!match || !(match.variant in flag.variants))
        return fallback('DEFAULT');
    const rule = flag.rules[match.ruleIndex];
    return { key: flag.key, value: flag.variants[match.variant], variant: match.variant, reason: rule.percentage !== undefined ? 'SPLIT' : 'TARGETING_MATCH' };
}
export const BOOLEAN_VARIANTS = { on: true, off: false };
//# sourceMappingURL=flag-evaluation.js.map