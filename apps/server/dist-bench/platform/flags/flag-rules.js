import { createHash } from 'node:crypto';
export function matchRule(flagKey, rules, subject) {
    for (const [ruleIndex, rule] of rules.entries()) {
        if (rule.entityIds && !rule.entityIds.some((id) => subject.entityLineage.has(id)))
            continue;
        if (rule.roles && !rule.roles.some((role) => subject.roles.includes(role)))
            continue;
        if (rule.percentage !== undefined) {
            // Without a user there is nothing stable to bucket on: only a full rollout matches.
            if (!subject.userId ? rule.percentage < 100 : rolloutBucket(flagKey, subject.userId) >= rule.percentage * 100)
                continue;
        }
        return { variant: rule.variant, ruleIndex };
    }
    return null;
}
/**
 * 0 to 9999, stable for a user and a flag, independent across flags (the key is hashed in) so that
 * the same 10 % of users do not get every experiment.
 */
export function rolloutBucket(flagKey, userId) {
    const digest = createHash('sha256').update(`${flagKey}\u0000${userId}`).digest();
    return digest.readUInt32BE(0) % 10_000;
}
//# sourceMappingURL=flag-rules.js.map