/**
 * Small French text tools shared by the extractive provider, the citation verifier and the
 * relevance gate: accent-folded tokens, a stop-word list, a light stemmer, sentence splitting with
 * offsets and number extraction. Deliberately simple and deterministic (no model, no dictionary).
 */

const STOP_WORDS = new Set(
  (
    'a ai aie aient aies ait alors au aucun aucune aupres aussi autre autres aux avaient avais avait avant avec avez aviez avoir avons ' +
    'bien c ca car ce ceci cela celle celles celui cependant certain certaine certaines certains ces cet cette ceux chaque chez ci comme comment ' +
    'd dans de des deja depuis doit doivent donc dont du elle elles en encore entre est et etaient etais etait etant ete etes etre eu eux ' +
    'faire fait faut il ils j je jusqu jusque l la le les leur leurs lors lorsqu lorsque lui m ma mais me meme mes moi mon n ne ni non nos notre nous ' +
    'on ont ou par parce pas pendant peu peut peuvent plus pour pourquoi puis puisque qu quand que quel quelle quelles quels qui quoi ' +
    's sa sans se selon ses si sien sienne soi soit son sont sous suis sur t ta te tel telle tels telles tes toi ton tous tout toute toutes tres tu ' +
    'un une unes uns vers vos votre vous y ' +
    // Question scaffolding that carries no topic.
    'combien quelle quelles quels dois puis-je peut-on faut-il existe exister quoi savoir doit-il doit-on est-ce est-il ' +
    'mon ma mes notre nos votre vos je j moi salarie salaries salariee salariees employeur employeurs entreprise entreprises'
  ).split(/\s+/),
);

/** Lower case, accents removed, ligatures expanded: "Congés" → "conges". */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}

/** A crude French stemmer: plural and common inflection endings removed, then cut at 6 letters. */
export function stem(word: string): string {
  let w = word;
  if (w.length > 4) w = w.replace(/(ements|ement|ations|ation|ites|ite|euses|euse|eurs|eur|ives|ive|ifs|if|ees|ee|es|s|x|e)$/, '');
  return w.length > 6 ? w.slice(0, 6) : w;
}

export interface Token {
  word: string;
  stem: string;
}

/** Words of the text (folded), numbers included, elisions split ("l'employeur" → "employeur"). */
export function words(text: string): string[] {
  return fold(text).match(/[a-z0-9]+/g) ?? [];
}

/** Stems of the content words: stop words and one-letter words dropped. */
export function contentStems(text: string): string[] {
  return words(text)
    .filter((word) => word.length > 1 && !STOP_WORDS.has(word) && !/^\d+$/.test(word))
    .map(stem);
}

export interface SentenceSpan {
  text: string;
  /** Offsets in the text the sentence was cut from. */
  start: number;
  end: number;
}

/**
 * Sentences with their offsets: a cut after `.`, `!`, `?`, `;` or `:` followed by a space and an
 * upper-case letter or digit, and at every line break (paragraphs, list items, table rows).
 * Abbreviations like "art." or "L. 1234-1" followed by a number are not split.
 */
export function splitSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  const boundary = /([.!?;])\s+(?=[A-ZÀ-ÖØ-Þ«"(0-9-])|\n+/g;
  let from = 0;
  for (const match of text.matchAll(boundary)) {
    const cut = match.index + (match[1] ? 1 : 0);
    const before = text.slice(Math.max(from, match.index - 4), match.index + 1);
    // "art. 3", "L. 1234-1", "n° 2": a dot after a short abbreviation is not a sentence end.
    if (match[1] === '.' && /(\b[A-Za-z]{1,3}|\bart|\bn°)\.$/.test(before)) continue;
    pushSpan(spans, text, from, cut);
    from = match.index + match[0].length;
  }
  pushSpan(spans, text, from, text.length);
  return spans;
}

function pushSpan(spans: SentenceSpan[], text: string, from: number, to: number): void {
  let start = from;
  let end = to;
  while (start < end && /\s/.test(text[start]!)) start += 1;
  while (end > start && /\s/.test(text[end - 1]!)) end -= 1;
  if (end > start) spans.push({ text: text.slice(start, end), start, end });
}

/**
 * Numbers stated in a text, normalised: "1 500" → "1500", "2,5" → "2.5", "1er" → "1". Digits only:
 * numbers written in words are not checked (documented limit of the number rule).
 */
export function numbersIn(text: string): string[] {
  const found = text.match(/\d{1,3}(?:[\u00a0\u202f ]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?/g) ?? [];
  return found.map((raw) => raw.replace(/[\u00a0\u202f ]/g, '').replace(',', '.').replace(/^0+(?=\d)/, ''));
}
