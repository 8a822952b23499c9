import { type RuleResult } from '../rule-result.js';
export interface NormalisedEmail {
    /** As the person wrote it, trimmed, with the domain lower-cased (and IDN domains in ASCII). */
    readonly address: string;
    /**
     * The identity key: the whole address lower-cased. RFC 5321 lets a server treat the local part as
     * case-sensitive, but no mainstream provider does and staff retype addresses freely, so
     * `Jean.Dupont@x.fr` and `jean.dupont@x.fr` are one person. Dots and `+tags` are kept: only
     * some providers ignore them, and merging two real people would be worse than a duplicate.
     */
    readonly key: string;
}
export declare function parseEmail(input: string): RuleResult<NormalisedEmail>;
