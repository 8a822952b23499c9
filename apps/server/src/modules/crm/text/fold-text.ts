/**
 * Folds French text for comparison: no accents, lower case, every run of punctuation or spaces
 * (hyphens, apostrophes, no-break spaces, brackets, symbols) collapsed to one space.
 * `Cotisation (€)` → `cotisation`; `SAINT-LÉGER` → `saint leger`; `L'Étang-Salé` → `l etang sale`.
 *
 * Each step of the definition (`foldCharacter` below) works character by character, so each
 * character's fold is computed once and remembered: an import folds several names per row, and the
 * string-wide `normalize` and regular expressions cost four times as much (docs/perf.md, 2026-12-03).
 */
export function foldText(text: string): string {
  let folded = '';
  let separated = false;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    let piece: string;
    if (code >= 0xd800 && code <= 0xdbff && isLowSurrogate(text.charCodeAt(index + 1))) {
      // Outside the basic plane (emoji, mathematical letters): rare, and not remembered, so odd
      // input cannot grow the table.
      piece = foldCharacter(text.slice(index, index + 2));
      index += 1;
    } else piece = basicPlaneFolds[code] ??= foldCharacter(String.fromCharCode(code));
    for (let at = 0; at < piece.length; at += 1) {
      const character = piece[at]!;
      if (character === ' ') separated = true;
      else {
        if (separated && folded !== '') folded += ' ';
        separated = false;
        folded += character;
      }
    }
  }
  return folded;
}

/**
 * The fold of one character, before runs of separators are collapsed: its canonical decomposition
 * without combining marks (a mark alone folds to nothing), ligatures spelt out (they do not
 * decompose), lower case, and a space for anything that is not then a Latin letter or a digit.
 */
function foldCharacter(character: string): string {
  return character
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/œ/gi, 'oe')
    .replace(/æ/gi, 'ae')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, ' ');
}

const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/** The fold of each character of the basic plane, filled as characters are met. */
const basicPlaneFolds = new Array<string | undefined>(0x10000);
