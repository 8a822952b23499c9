import { type CountryCode } from 'libphonenumber-js/max';
import { type RuleResult } from '../rule-result.js';
/** A phone number in E.164 form: `+33612345678`, `+590590123456`. */
export type E164Phone = string & {
    readonly __brand: 'E164Phone';
};
export declare function phoneRegionOfDepartement(departementCode: string | undefined): CountryCode;
/**
 * Normalises a phone number to E.164. Numbers without an international prefix are read in
 * `defaultRegion` (FR unless the address says otherwise), then against the overseas prefixes.
 * Foreign numbers with `+` or `00` are accepted when valid.
 */
export declare function parsePhone(input: string, defaultRegion?: CountryCode): RuleResult<E164Phone>;
