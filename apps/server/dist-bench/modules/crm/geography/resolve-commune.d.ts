import { type RuleResult } from '../rule-result.js';
import { type Commune } from './postal-code-index.js';
export interface ResolvedCommune extends Commune {
    /** `exact`: the name matched; `approximate`: one typo-level difference; `only-commune`: no name, one commune. */
    readonly matchedBy: 'exact' | 'approximate' | 'only-commune';
}
/**
 * The communes a postal code serves. Excel drops the leading zero of `01000`, so 4 digits are
 * padded back. CEDEX codes are not in the geographic base and are refused: a member's address
 * must locate its commune.
 */
export declare function findCommunesByPostalCode(input: string): RuleResult<Commune[]>;
/**
 * The commune of an address from its postal code and, optionally, the commune name as typed.
 * The name chooses among the communes sharing the postal code; without a name the postal code
 * must serve a single commune.
 */
export declare function resolveCommune(postalCodeInput: string, communeName?: string): RuleResult<ResolvedCommune>;
