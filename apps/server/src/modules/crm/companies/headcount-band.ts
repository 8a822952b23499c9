import { foldText } from '../text/fold-text.js';
import { ok, violation, type RuleResult } from '../rule-result.js';

/**
 * INSEE's "tranche d'effectif salarié" codes (SIRENE `trancheEffectifsUniteLegale`): storing the code,
 * not the wording, lets us compare with SIRENE and survive rewording in exports.
 */
const BANDS: ReadonlyArray<readonly [code: string, min: number, max: number | null]> = [
  ['00', 0, 0],
  ['01', 1, 2],
  ['02', 3, 5],
  ['03', 6, 9],
  ['11', 10, 19],
  ['12', 20, 49],
  ['21', 50, 99],
  ['22', 100, 199],
  ['31', 200, 249],
  ['32', 250, 499],
  ['41', 500, 999],
  ['42', 1_000, 1_999],
  ['51', 2_000, 4_999],
  ['52', 5_000, 9_999],
  ['53', 10_000, null],
];

export type HeadcountBandCode = (typeof BANDS)[number][0];

/**
 * Reads a band as written in exports (`0 salarié`, `1 ou 2 salariés`, `6 à 9 salariés`,
 * `10 000 salariés et plus`) or an exact headcount (`12`) into the INSEE band code.
 */
export function parseHeadcountBand(input: string): RuleResult<HeadcountBandCode> {
  const shown = input.trim();
  if (shown === '') return violation('headcount_required', "L'effectif est obligatoire.");
  // Fold, then glue thousands ("10 000" → "10000") before reading numbers.
  const folded = foldText(shown).replace(/(\d) (?=\d{3}\b)/g, '$1');
  const numbers = (folded.match(/\d+/g) ?? []).map(Number);
  const band =
    numbers.length === 1 && /\bet plus\b|\bplus de\b/.test(folded)
      ? BANDS.find(([, min, max]) => max === null && min === numbers[0])
      : numbers.length === 1
        ? BANDS.find(([, min, max]) => numbers[0]! >= min && (max === null || numbers[0]! <= max))
        : numbers.length === 2
          ? BANDS.find(([, min, max]) => min === numbers[0] && max === numbers[1])
          : undefined;
  if (!band) {
    return violation('headcount_invalid', `L'effectif « ${shown} » n'est pas une tranche reconnue (par exemple « 6 à 9 salariés » ou un nombre).`);
  }
  return ok(band[0]);
}
