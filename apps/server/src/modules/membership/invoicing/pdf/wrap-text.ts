/** Width of a text in points, as the font that draws it measures it. */
export type MeasureText = (text: string) => number;

function splitLongWord(word: string, maxWidth: number, measure: MeasureText): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const character of word) {
    if (piece && measure(piece + character) > maxWidth) {
      pieces.push(piece);
      piece = '';
    }
    piece += character;
  }
  return piece ? [...pieces, piece] : pieces;
}

/**
 * Breaks a text into lines no wider than `maxWidth`, at ordinary spaces only (a no-break space keeps
 * "480,00 €" or "art. 261" together); a word longer than a line is cut where it must be.
 */
export function wrapText(text: string, maxWidth: number, measure: MeasureText): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ').filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (measure(candidate) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    const pieces = measure(word) <= maxWidth ? [word] : splitLongWord(word, maxWidth, measure);
    line = pieces.pop() ?? '';
    lines.push(...pieces);
  }
  return line ? [...lines, line] : lines.length > 0 ? lines : [''];
}
