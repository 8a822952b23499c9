import { foldText } from '../text/fold-text.js';
const SAINT_ABBREVIATIONS = { st: 'saint', ste: 'sainte', sts: 'saints', stes: 'saintes' };
const ARTICLES = new Set(['le', 'la', 'les', 'l']);
// "Paris 16e Arrondissement", "PARIS 16", "Marseille 1er": people write just the city.
const ARRONDISSEMENT_SUFFIX = / \d{1,2}(?: ?(?:er|e|eme))?(?: arrondissement)?$/;
/**
 * The comparison key of a commune name: case, accents, hyphens and apostrophes ignored, `ST`/`STE`
 * read as `SAINT`/`SAINTE`, and a leading or trailing article dropped (INSEE writes `Ribay (Le)`,
 * staff write `LE RIBAY` or `Ribay`).
 */
export function communeNameKey(name) {
    const words = foldText(name)
        .split(' ')
        .filter((word) => word !== '')
        .map((word) => SAINT_ABBREVIATIONS[word] ?? word);
    if (words.length > 1 && ARTICLES.has(words[0]))
        words.shift();
    if (words.length > 1 && ARTICLES.has(words[words.length - 1]))
        words.pop();
    return words.join(' ');
}
/** Keys a commune answers to; the city alone for a municipal arrondissement. */
export function communeKeys(names) {
    const keys = new Set();
    for (const name of names) {
        const key = communeNameKey(name);
        keys.add(key);
        keys.add(key.replace(ARRONDISSEMENT_SUFFIX, ''));
    }
    return keys;
}
/** Edit distance, bounded: stops early once above `max` (names are short, lists per postal code tiny). */
export function boundedLevenshtein(a, b, max) {
    if (Math.abs(a.length - b.length) > max)
        return max + 1;
    let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
    for (let i = 1; i <= a.length; i += 1) {
        const current = [i];
        let rowMin = i;
        for (let j = 1; j <= b.length; j += 1) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            const value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
            current.push(value);
            rowMin = Math.min(rowMin, value);
        }
        if (rowMin > max)
            return max + 1;
        previous = current;
    }
    return previous[b.length];
}
//# sourceMappingURL=commune-name.js.map