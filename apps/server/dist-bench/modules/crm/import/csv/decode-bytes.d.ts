export type TextEncoding = 'utf-8' | 'windows-1252';
/**
 * Decodes a byte stream as UTF-8 (BOM or not) or Windows-1252, as Excel writes "CSV UTF-8" and
 * "CSV (séparateur : point-virgule)" respectively. The choice is made at the first non-ASCII bytes
 * (ASCII reads the same in both): valid UTF-8 there means UTF-8, since Windows-1252 accented
 * letters almost never form valid UTF-8 sequences. `onEncoding` is told the decision once.
 */
export declare function decodeBytes(source: AsyncIterable<Uint8Array>, onEncoding?: (encoding: TextEncoding) => void): AsyncGenerator<string>;
