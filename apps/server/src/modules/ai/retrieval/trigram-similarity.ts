/**
 * The trigram arm of retrieval, computed here rather than in PostgreSQL: pg_trgm's
 * `strict_word_similarity(question, text)` — the greatest share of trigrams the question has in
 * common with any run of whole words of the text — ported from `contrib/pg_trgm/trgm_op.c`
 * (`generate_trgm_only`, `calc_word_similarity`, `iterate_word_similarity`), on accent-folded text.
 *
 * Why here: over the 40 full-text candidates of a question it was ~30 % of the database time of a
 * retrieval (pg_trgm lower-cases each word through the locale and sorts every trigram of every
 * text), and the texts come back to us anyway. `trigram-similarity.test.ts` checks the values
 * against pg_trgm's on the Code du travail. Trigrams are numbered once per call (the question's
 * first), so equal trigrams compare as integers.
 */

const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/**
 * Trigrams of space, a–z and 0–9 (all but a few of folded French text) index a table directly:
 * 37³ slots, stamped with the call that numbered them, so that nothing is cleared between calls.
 * Other trigrams go through a Map.
 */
const ALPHABET = 37;
const slotIds = new Int32Array(ALPHABET ** 3);
const slotStamps = new Uint32Array(ALPHABET ** 3);
let lastStamp = 0;

/**
 * `strict_word_similarity(question, text)` of each accent-folded, lower-case text, in [0, 1].
 * Synchronous by design: the numbering of trigrams and the scratch buffers of one text live in
 * module state for the length of one call.
 */
export function trigramSimilarities(foldedQuestion: string, foldedTexts: readonly string[]): number[] {
  const numbering = new TrigramNumbering();
  readWords(foldedQuestion, numbering);
  const questionTrigrams = numbering.distinct;
  return foldedTexts.map((text) => {
    const words = readWords(text, numbering);
    return bestWordRun(words, questionTrigrams, numbering.distinct);
  });
}

/** A stamp no slot holds: after 2³² calls the stamps start over from a cleared table. */
function nextStamp(): number {
  lastStamp = (lastStamp + 1) >>> 0;
  if (lastStamp === 0) {
    slotStamps.fill(0);
    lastStamp = 1;
  }
  return lastStamp;
}

/** Numbers distinct trigrams from 0, in the order first met. */
class TrigramNumbering {
  distinct = 0;
  private readonly others = new Map<number, number>();
  private readonly stamp = nextStamp();

  idOf(key: number): number {
    if (key >= 0) {
      if (slotStamps[key] === this.stamp) return slotIds[key]!;
      slotStamps[key] = this.stamp;
      return (slotIds[key] = this.distinct++);
    }
    let id = this.others.get(key);
    if (id === undefined) this.others.set(key, (id = this.distinct++));
    return id;
  }
}

/**
 * The text being read, in buffers reused from text to text (allocating them per text was a good
 * part of the cost): its trigram ids in order, the word of each, where each word's trigrams start.
 */
const scratch = {
  trigrams: new Int32Array(1024),
  wordOf: new Int32Array(1024),
  wordStarts: new Int32Array(512),
  /** Per trigram id, its last position in the current run (−1: not in it); reset after each text. */
  lastPosition: new Int32Array(4096).fill(-1),
  /** Per word, how many of the run's distinct trigrams (and of the question's) occur last in it. */
  lastIn: new Int32Array(512),
  questionLastIn: new Int32Array(512),
};

/** Trigram and word counts of the text just read into `scratch`. */
interface WordTrigrams {
  trigramCount: number;
  wordCount: number;
}

/** Space 0, a–z 1–26 (A–Z as a–z, as pg_trgm lower-cases), 0–9 27–36; −1 for any other ASCII. */
const ASCII_SYMBOLS = Int8Array.from({ length: 128 }, (_, code) => {
  if (code >= 97 && code <= 122) return code - 96;
  if (code >= 48 && code <= 57) return code - 21;
  if (code >= 65 && code <= 90) return code - 64;
  return code === 32 ? 0 : -1;
});

/**
 * pg_trgm's trigrams: each word (letters and digits) padded with two spaces before and one after,
 * every three consecutive characters. A word of n characters gives n + 1 trigrams, so a text gives
 * at most as many trigrams as it has characters, plus one.
 */
function readWords(text: string, numbering: TrigramNumbering): WordTrigrams {
  ensureTextCapacity(text.length + 1);
  const { trigrams, wordOf, wordStarts } = scratch;
  let trigramCount = 0;
  let wordCount = 0;
  let index = 0;
  while (index < text.length) {
    if (!isWordCharacter(text, index)) {
      index++;
      continue;
    }
    const word = wordCount++;
    wordStarts[word] = trigramCount;
    // Two characters back, one back (code units, and their symbols): the padding spaces first.
    let a = 32;
    let b = 32;
    let sa = 0;
    let sb = 0;
    for (let ended = false; !ended; index++) {
      ended = index === text.length || !isWordCharacter(text, index);
      const c = ended ? 32 : text.charCodeAt(index);
      const sc = c < 128 ? ASCII_SYMBOLS[c]! : -1;
      const key = (sa | sb | sc) >= 0 ? (sa * ALPHABET + sb) * ALPHABET + sc : -((a * 65536 + b) * 65536 + c) - 1;
      trigrams[trigramCount] = numbering.idOf(key);
      wordOf[trigramCount++] = word;
      a = b;
      b = c;
      sa = sb;
      sb = sc;
    }
  }
  return { trigramCount, wordCount };
}

function isWordCharacter(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code < 128) return ASCII_SYMBOLS[code]! > 0;
  return WORD_CHARACTER.test(text[index]!);
}

function ensureTextCapacity(trigrams: number): void {
  if (scratch.trigrams.length >= trigrams) return;
  const size = 2 ** Math.ceil(Math.log2(trigrams));
  scratch.trigrams = new Int32Array(size);
  scratch.wordOf = new Int32Array(size);
  scratch.wordStarts = new Int32Array(size);
  scratch.lastIn = new Int32Array(size);
  scratch.questionLastIn = new Int32Array(size);
}

function ensureTrigramCapacity(distinct: number): void {
  if (scratch.lastPosition.length >= distinct) return;
  scratch.lastPosition = new Int32Array(2 ** Math.ceil(Math.log2(distinct))).fill(-1);
}

/** pg_trgm's CALCSML, in single precision as there (ties compare as PostgreSQL's do). */
function share(common: number, questionTrigrams: number, runTrigrams: number): number {
  return Math.fround(common / (questionTrigrams + runTrigrams - common));
}

/**
 * `iterate_word_similarity` in strict mode: at each word's end, the best start among the word
 * starts since the current one (a start only moves forward when it improves the share). pg_trgm
 * steps through every trigram since the current start at every word's end, which is what makes it
 * slow on long texts. Here each word keeps how many of the run's distinct trigrams (and of the
 * question's) occur last in it, so the same starts are tried a word at a time; and the scan stops
 * as soon as no later start can do better. Same values, same choices.
 */
function bestWordRun({ trigramCount, wordCount }: WordTrigrams, questionTrigrams: number, distinct: number): number {
  ensureTrigramCapacity(distinct);
  const { trigrams, wordOf, wordStarts, lastPosition, lastIn, questionLastIn } = scratch;
  lastIn.fill(0, 0, wordCount);
  questionLastIn.fill(0, 0, wordCount);
  let runTrigrams = 0;
  let common = 0;
  let lowerWord = 0;
  let best = 0;
  for (let position = 0; position < trigramCount; position++) {
    const id = trigrams[position]!;
    const word = wordOf[position]!;
    const inQuestion = id < questionTrigrams ? 1 : 0;
    const previous = lastPosition[id]!;
    if (previous < 0) {
      runTrigrams++;
      common += inQuestion;
    } else {
      lastIn[wordOf[previous]!]!--;
      questionLastIn[wordOf[previous]!]! -= inQuestion;
    }
    lastPosition[id] = position;
    lastIn[word]!++;
    questionLastIn[word]! += inQuestion;
    const wordEnds = position + 1 === trigramCount || wordOf[position + 1] !== word;
    if (!wordEnds) continue;

    let current = share(common, questionTrigrams, runTrigrams);
    let candidateRun = runTrigrams;
    let candidateCommon = common;
    const previousLowerWord = lowerWord;
    for (let start = lowerWord; start <= word; start++) {
      // A later start keeps at most these question trigrams, and a share is at most common /
      // questionTrigrams: once that cannot beat the current share, no later start can.
      if (Math.fround(candidateCommon / questionTrigrams) <= current) break;
      const candidate = share(candidateCommon, questionTrigrams, candidateRun);
      if (candidate > current) {
        current = candidate;
        runTrigrams = candidateRun;
        common = candidateCommon;
        lowerWord = start;
      }
      candidateRun -= lastIn[start]!;
      candidateCommon -= questionLastIn[start]!;
    }
    best = Math.max(best, current);
    // Trigrams last seen before the new start leave the run.
    const lower = wordStarts[lowerWord]!;
    for (let before = wordStarts[previousLowerWord]!; before < lower; before++) {
      const leaving = trigrams[before]!;
      if (lastPosition[leaving] === before) lastPosition[leaving] = -1;
    }
  }
  for (let position = 0; position < trigramCount; position++) lastPosition[trigrams[position]!] = -1;
  return best;
}
