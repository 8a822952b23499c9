/**
 * The bits of RFC 5545 the event feed needs, written by hand (no dependency): TEXT escaping
 * (§3.3.11), UTC DATE-TIME (§3.3.5) and content-line folding at 75 octets (§3.1).
 */

const MAX_OCTETS = 75;

/** TEXT value: backslash, semicolon and comma escaped, line breaks as `\n`, other controls dropped. */
export function escapeText(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\n/g, '\\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
}

/** `20261204T083000Z`. */
export function formatUtc(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/**
 * One content line, folded: no physical line longer than 75 octets (CRLF excluded), continuation
 * lines start with one space, and a multi-byte UTF-8 character is never cut in two.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = MAX_OCTETS;
  for (const character of line) {
    const size = Buffer.byteLength(character, 'utf8');
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = MAX_OCTETS - 1; // the leading space of a continuation line counts
    }
    current += character;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** A property line `NAME:value` (value already escaped when it is TEXT), folded and CRLF-terminated. */
export function contentLine(name: string, value: string): string {
  return `${foldLine(`${name}:${value}`)}\r\n`;
}
