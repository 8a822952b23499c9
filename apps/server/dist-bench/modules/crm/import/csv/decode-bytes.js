import { TextDecoder } from 'node:util';
import { CsvFileError } from './csv-error.js';
const UTF8_BOM = [0xef, 0xbb, 0xbf];
// Bytes needed after the first non-ASCII byte before judging: the longest UTF-8 sequence.
const LONGEST_UTF8_SEQUENCE = 4;
function startsWith(bytes, prefix) {
    return prefix.every((byte, index) => bytes[index] === byte);
}
function firstNonAscii(bytes) {
    for (let index = 0; index < bytes.length; index += 1)
        if (bytes[index] >= 0x80)
            return index;
    return -1;
}
function isValidUtf8Prefix(bytes) {
    try {
        // stream: true tolerates a sequence cut at the end of the chunk.
        new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
        return true;
    }
    catch {
        return false;
    }
}
function concat(a, b) {
    if (a.length === 0)
        return b;
    const joined = new Uint8Array(a.length + b.length);
    joined.set(a);
    joined.set(b, a.length);
    return joined;
}
/**
 * Decodes a byte stream as UTF-8 (BOM or not) or Windows-1252, as Excel writes "CSV UTF-8" and
 * "CSV (séparateur : point-virgule)" respectively. The choice is made at the first non-ASCII bytes
 * (ASCII reads the same in both): valid UTF-8 there means UTF-8, since Windows-1252 accented
 * letters almost never form valid UTF-8 sequences. `onEncoding` is told the decision once.
 */
export async function* decodeBytes(source, onEncoding = () => { }) {
    let decoder;
    let pending = new Uint8Array(0);
    let atStart = true;
    let decidedEncoding;
    const decide = (encoding) => {
        decidedEncoding = encoding;
        onEncoding(encoding);
        return new TextDecoder(encoding, { fatal: encoding === 'utf-8', ignoreBOM: false });
    };
    const decodeDecided = (bytes, final) => {
        try {
            // Node 20's one-shot windows-1252 decode takes a Latin-1 shortcut (0x80 → U+0080, not €);
            // streaming mode decodes correctly, and a single-byte encoding has no state to flush.
            return decoder.decode(bytes, { stream: decidedEncoding === 'windows-1252' || !final });
        }
        catch {
            throw new CsvFileError('csv_encoding_mixed', "Le fichier mélange plusieurs encodages de caractères : réenregistrez-le depuis Excel en « CSV UTF-8 ».");
        }
    };
    const take = (bytes, final) => {
        if (decoder)
            return decodeDecided(bytes, final);
        bytes = concat(pending, bytes);
        pending = new Uint8Array(0);
        if (atStart) {
            if (bytes.length < UTF8_BOM.length && !final) {
                pending = bytes;
                return '';
            }
            atStart = false;
            if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
                throw new CsvFileError('csv_encoding_unsupported', "Le fichier est en UTF-16 (« Texte Unicode » d'Excel) : enregistrez-le en « CSV UTF-8 » ou « CSV (séparateur : point-virgule) ».");
            }
            if (startsWith(bytes, UTF8_BOM)) {
                decoder = decide('utf-8');
                return decodeDecided(bytes, final);
            }
        }
        const at = firstNonAscii(bytes);
        if (at === -1) {
            if (final)
                onEncoding('utf-8');
            return new TextDecoder('utf-8').decode(bytes);
        }
        if (bytes.length - at < LONGEST_UTF8_SEQUENCE && !final) {
            pending = bytes.slice(at);
            return new TextDecoder('utf-8').decode(bytes.subarray(0, at));
        }
        decoder = decide(isValidUtf8Prefix(bytes.subarray(at)) ? 'utf-8' : 'windows-1252');
        return decodeDecided(bytes, final);
    };
    for await (const chunk of source) {
        const text = take(chunk, false);
        if (text !== '')
            yield text;
    }
    const rest = take(new Uint8Array(0), true);
    if (rest !== '')
        yield rest;
}
//# sourceMappingURL=decode-bytes.js.map