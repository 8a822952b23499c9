// Spaces French formatting uses (fr-FR numbers group thousands with U+202F) that WinAnsi lacks:
// they become the no-break space it has, so amounts never split across lines.
const SPACE_SUBSTITUTES: Record<string, string> = {
  '\u202f': '\u00a0',
  '\u2009': '\u00a0',
  '\u2007': '\u00a0',
  '\u2002': ' ',
  '\u2003': ' ',
  '\t': ' ',
  '\u2011': '-',
  '\u2212': '-',
};

const COMBINING_MARKS = /\p{M}/gu;

/** What WinAnsiEncoding (the standard fonts' encoding) holds beyond Latin-1: its 0x80–0x9F range. */
const WINANSI_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

function canEncode(character: string): boolean {
  const code = character.codePointAt(0)!;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WINANSI_EXTRAS.has(character);
}

/**
 * Makes a string printable with the standard PDF fonts (WinAnsi): French letters, « », €, œ pass as
 * they are; a letter with an accent WinAnsi lacks keeps its base letter (ő → o); line breaks become
 * spaces; anything else becomes "?" rather than stopping the rendering of a legal document.
 */
export function toWinAnsi(text: string): string {
  let printable = '';
  for (const character of text.normalize('NFC').replace(/\r\n|\r|\n/g, ' ')) {
    if (SPACE_SUBSTITUTES[character] !== undefined) printable += SPACE_SUBSTITUTES[character];
    else if (canEncode(character)) printable += character;
    else {
      const base = character.normalize('NFD').replace(COMBINING_MARKS, '');
      printable += base.length > 0 && [...base].every(canEncode) ? base : '?';
    }
  }
  return printable;
}
