import { hash } from 'node:crypto';
import { BadRequestError } from './errors.js';

/**
 * Cursors are base64url JSON `{ v: [sort values..., id], c: checksum }`. The checksum binds the values
 * to the collection, sort and filters that produced them, so that an edited, truncated or reused
 * cursor is refused with 400 instead of silently skipping rows. It is an integrity check, not a
 * secret: a cursor grants nothing, the filters and row-level security still apply to every page.
 */

export function encodeCursor(fingerprint: string, values: readonly unknown[]): string {
  const payload = { v: values, c: checksum(fingerprint, values) };
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
}

/** Returns the keyset values, or throws a 400 pointing at the `cursor` parameter. */
export function decodeCursor(fingerprint: string, token: string, expectedLength: number): unknown[] {
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (typeof payload !== 'object' || payload === null) throw invalidCursor();
  const { v, c } = payload as { v?: unknown; c?: unknown };
  if (!Array.isArray(v) || v.length !== expectedLength || typeof c !== 'string') throw invalidCursor();
  if (!v.every((value) => typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')) throw invalidCursor();
  if (c !== checksum(fingerprint, v)) throw invalidCursor();
  return v;
}

export function fingerprintOf(parts: unknown): string {
  return hash('sha256', JSON.stringify(parts), 'base64url');
}

function checksum(fingerprint: string, values: readonly unknown[]): string {
  return hash('sha256', `${fingerprint}\n${JSON.stringify(values)}`, 'base64url').slice(0, 22);
}

function invalidCursor(): BadRequestError {
  return new BadRequestError(
    'The cursor is invalid, or was issued for another sort or other filters: restart from the first page.',
    [{ pointer: '/querystring/cursor', message: 'Invalid cursor.' }],
    'invalid_cursor',
  );
}
