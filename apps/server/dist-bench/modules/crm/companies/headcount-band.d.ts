import { type RuleResult } from '../rule-result.js';
/**
 * INSEE's "tranche d'effectif salarié" codes (SIRENE `trancheEffectifsUniteLegale`): storing the code,
 * not the wording, lets us compare with SIRENE and survive rewording in exports.
 */
declare const BANDS: ReadonlyArray<readonly [code: string, min: number, max: number | null]>;
export type HeadcountBandCode = (typeof BANDS)[number][0];
/**
 * Reads a band as written in exports (`0 salarié`, `1 ou 2 salariés`, `6 à 9 salariés`,
 * `10 000 salariés et plus`) or an exact headcount (`12`) into the INSEE band code.
 */
export declare function parseHeadcountBand(input: string): RuleResult<HeadcountBandCode>;
export {};
