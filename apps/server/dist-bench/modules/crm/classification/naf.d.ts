import { type RuleResult } from '../rule-result.js';
/**
 * Classification versions a stored activity code can belong to. INSEE's NAF 2025 replaces NAF rév. 2
 * for SIRENE in 2027 with different codes, so a code is never stored without its version; add
 * `'NAF_2025'` here together with its table.
 */
export type NafVersion = 'NAF_REV2';
export declare const CURRENT_NAF_VERSION: NafVersion;
export interface NafActivity {
    /** Sous-classe in INSEE's display form: `62.01Z`. */
    readonly code: string;
    readonly version: NafVersion;
    readonly label: string;
}
/** Accepts `6201Z`, `62.01Z`, `62 01 z`; returns the sous-classe in display form with its label. */
export declare function parseNafCode(input: string, version?: NafVersion): RuleResult<NafActivity>;
