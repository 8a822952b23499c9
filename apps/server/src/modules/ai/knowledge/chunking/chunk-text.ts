import { createHash } from 'node:crypto';

/** A passage of a source text; `text === source.slice(start, end)` always holds. */
export interface TextChunk {
  ordinal: number;
  /** Heading path, e.g. "Guide > Rupture > Préavis"; null when the text has none. */
  heading: string | null;
  text: string;
  start: number;
  end: number;
  /** sha256 of `text` (hex). */
  version: string;
}

export interface ChunkOptions {
  /** Heading the whole source sits under (a JSON Lines record's section path); prefixes every path. */
  baseHeading?: string | null;
  /** Chunks are packed up to this many characters (default 1,200)… */
  maxChars?: number;
  /** …and a chunk closes at a sentence end once it has this many (default 800). */
  targetChars?: number;
}

interface Section {
  heading: string | null;
  start: number;
  end: number;
}

const MARKDOWN_HEADING = /^(#{1,6})[ \t]+(.+?)[ \t#]*$/;
// A legal article inside a longer text ("Article L. 1234-5", "Article R*1237-6", "Art. 12").
const ARTICLE_HEADING = /^(?:Article|Art\.)\s+(?:[LRD]\*?\.?\s?)?\d[\w-]*\b.{0,80}$/;

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Cuts a text into chunks that never cross a heading (Markdown headings, DOCX headings rendered as
 * Markdown by the extractor, legal article lines), packing sentences up to `maxChars`.
 */
export function chunkText(source: string, options: ChunkOptions = {}): TextChunk[] {
  const maxChars = options.maxChars ?? 1200;
  const targetChars = Math.min(options.targetChars ?? 800, maxChars);
  const chunks: TextChunk[] = [];
  for (const section of splitSections(source, options.baseHeading ?? null)) {
    for (const [start, end] of packSentences(source, section.start, section.end, targetChars, maxChars)) {
      const text = source.slice(start, end);
      chunks.push({ ordinal: chunks.length, heading: section.heading, text, start, end, version: sha256(text) });
    }
  }
  return chunks;
}

/** Sections between headings; the heading line itself is kept out of the body (it is in `heading`). */
function splitSections(source: string, baseHeading: string | null): Section[] {
  const sections: Section[] = [];
  const stack: string[] = [];
  let article: string | null = null;
  const pathOf = () => {
    const parts = [...(baseHeading ? [baseHeading] : []), ...stack.filter(Boolean), ...(article ? [article] : [])];
    return parts.length > 0 ? parts.join(' > ') : null;
  };
  let bodyStart = 0;
  let heading = pathOf();
  let offset = 0;
  for (const line of source.split('\n')) {
    const lineStart = offset;
    offset += line.length + 1;
    const trimmed = line.trim();
    const markdown = MARKDOWN_HEADING.exec(trimmed);
    const isArticle = !markdown && ARTICLE_HEADING.test(trimmed);
    if (!markdown && !isArticle) continue;
    sections.push({ heading, start: bodyStart, end: lineStart });
    if (markdown) {
      const level = markdown[1]!.length;
      stack.length = level - 1;
      stack[level - 1] = markdown[2]!.trim();
      article = null;
    } else {
      article = trimmed;
    }
    heading = pathOf();
    bodyStart = Math.min(offset, source.length);
  }
  sections.push({ heading, start: bodyStart, end: source.length });
  return sections.filter((section) => /\S/.test(source.slice(section.start, section.end)));
}

/** Sentence ends: `.`, `!`, `?`, `…` or `;` followed by whitespace and a capital, a digit or a list mark; or a line break. */
const SENTENCE_END = /(?:[.!?…;:](?=\s+[\p{Lu}\d«("\-–•])|\n)/gu;

function sentenceSpans(source: string, start: number, end: number): Array<[number, number]> {
  const body = source.slice(start, end);
  const spans: Array<[number, number]> = [];
  let from = 0;
  SENTENCE_END.lastIndex = 0;
  for (let match = SENTENCE_END.exec(body); match; match = SENTENCE_END.exec(body)) {
    const to = match.index + match[0].length;
    spans.push([start + from, start + to]);
    from = to;
  }
  if (from < body.length) spans.push([start + from, end]);
  return spans.map(([a, b]) => trimSpan(source, a, b)).filter(([a, b]) => b > a);
}

function trimSpan(source: string, start: number, end: number): [number, number] {
  let a = start;
  let b = end;
  while (a < b && /\s/.test(source[a]!)) a++;
  while (b > a && /\s/.test(source[b - 1]!)) b--;
  return [a, b];
}

/** Greedy packing: a chunk closes once past `target` at a sentence end, and never exceeds `max` unless one sentence does (then it is cut at spaces). */
function packSentences(source: string, start: number, end: number, target: number, max: number): Array<[number, number]> {
  const pieces = sentenceSpans(source, start, end).flatMap(([a, b]) => (b - a > max ? hardSplit(source, a, b, max) : [[a, b] as [number, number]]));
  const chunks: Array<[number, number]> = [];
  let current: [number, number] | null = null;
  for (const [a, b] of pieces) {
    if (current && b - current[0] > max) {
      chunks.push(current);
      current = null;
    }
    current = current ? [current[0], b] : [a, b];
    if (current[1] - current[0] >= target) {
      chunks.push(current);
      current = null;
    }
  }
  if (current) chunks.push(current);
  return chunks;
}

function hardSplit(source: string, start: number, end: number, max: number): Array<[number, number]> {
  const parts: Array<[number, number]> = [];
  let a = start;
  while (end - a > max) {
    let cut = source.lastIndexOf(' ', a + max);
    if (cut <= a) cut = a + max;
    parts.push(trimSpan(source, a, cut));
    a = cut;
  }
  parts.push(trimSpan(source, a, end));
  return parts.filter(([x, y]) => y > x);
}
