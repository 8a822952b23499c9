import pg from 'pg';

/**
 * A `timestamptz` value as a read delivered it: PostgreSQL's text when the query asked for it
 * (`TIMESTAMPTZ_AS_TEXT`, a page's `timestampsAsText`, JSON built by the statement), else the Date
 * node-postgres parses by default.
 */
export type TimestamptzValue = string | Date;

const identity = (value: string) => value;

/** Query `types` that leave these PostgreSQL types as their text, every other type parsed as usual. */
export function typesAsText(typeIds: readonly number[]) {
  const asText = new Set(typeIds);
  return {
    getTypeParser: (typeId: number, format?: 'text' | 'binary') => (asText.has(typeId) ? identity : pg.types.getTypeParser(typeId, format as 'text')),
  };
}

/**
 * `timestamptz` left as text: `isoTimestamp` then writes the API's form from it. Parsing a Date and
 * writing it back with `toISOString` costs ~0.6 µs a value, a tenth of a list page's CPU
 * (docs/perf.md, 2026-12-02).
 */
export const TIMESTAMPTZ_AS_TEXT = typesAsText([pg.types.builtins.TIMESTAMPTZ]);

const DASH = 45;
const COLON = 58;
const SPACE = 32;
const T = 84;
const DOT = 46;
const UTC_SUFFIXES = ['+00', '+00:00', 'Z'];

/**
 * The API's form of a timestamp (`Date#toISOString`: UTC, milliseconds, `Z`). PostgreSQL's UTC text
 * (`2026-12-02 07:54:12.345678+00`, or its JSON rendering `2026-12-02T07:54:12.345678+00:00`) is
 * rewritten directly, the fraction cut to milliseconds as Date cuts it; any other offset, era or
 * year goes through Date.
 */
export function isoTimestamp(value: TimestamptzValue): string {
  if (typeof value !== 'string') return value.toISOString();
  const fractionEnd = utcFractionEnd(value);
  if (fractionEnd === -1) return new Date(value).toISOString();
  const fraction = fractionEnd > 20 ? value.slice(20, Math.min(fractionEnd, 23)).padEnd(3, '0') : '000';
  return `${value.slice(0, 10)}T${value.slice(11, 19)}.${fraction}Z`;
}

/** Where the fraction of a UTC `YYYY-MM-DD HH:MM:SS[.f…]` text ends (its offset starts), or -1 when the text is not one. */
function utcFractionEnd(text: string): number {
  const separator = text.charCodeAt(10);
  const wellFormed =
    text.charCodeAt(4) === DASH &&
    text.charCodeAt(7) === DASH &&
    (separator === SPACE || separator === T) &&
    text.charCodeAt(13) === COLON &&
    text.charCodeAt(16) === COLON;
  if (!wellFormed) return -1;
  const suffix = UTC_SUFFIXES.find((candidate) => text.endsWith(candidate));
  if (suffix === undefined) return -1;
  const end = text.length - suffix.length;
  if (end === 19) return 19;
  if (text.charCodeAt(19) !== DOT || end === 20) return -1;
  for (let index = 20; index < end; index++) {
    const code = text.charCodeAt(index);
    if (code < 48 || code > 57) return -1;
  }
  return end;
}
