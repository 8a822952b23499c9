/**
 * Cursors are base64url JSON `{ v: [sort values..., id], c: checksum }`. The checksum binds the values
 * to the collection, sort and filters that produced them, so that an edited, truncated or reused
 * cursor is refused with 400 instead of silently skipping rows. It is an integrity check, not a
 * secret: a cursor grants nothing, the filters and row-level security still apply to every page.
 */
export declare function encodeCursor(fingerprint: string, values: readonly unknown[]): string;
/** Returns the keyset values, or throws a 400 pointing at the `cursor` parameter. */
export declare function decodeCursor(fingerprint: string, token: string, expectedLength: number): unknown[];
export declare function fingerprintOf(parts: unknown): string;
