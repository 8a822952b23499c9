import { CsvFileError } from './csv-error.js';
import { CsvTokenizer, detectSeparator } from './csv-tokenizer.js';
import { decodeBytes } from './decode-bytes.js';
// Upper bound on how much text is buffered while looking for the end of the header line.
const MAX_HEADER_LENGTH = 64 * 1024;
/**
 * Streams the records of a CSV file (header included) from its bytes, e.g. a `Readable` from
 * `fs.createReadStream` or a multipart upload: memory stays constant whatever the number of rows.
 * Can be iterated once.
 */
export function readCsv(source, options = {}) {
    const state = {};
    async function* records() {
        let tokenizer;
        let head = '';
        let count = 0;
        let pushed;
        for await (const text of decodeBytes(source, (encoding) => (state.encoding = encoding))) {
            if (!tokenizer) {
                head += text;
                const lineEnd = head.search(/[\r\n]/);
                if (lineEnd === -1 && head.length < MAX_HEADER_LENGTH)
                    continue;
                state.separator = options.separator ?? detectSeparator(lineEnd === -1 ? head : head.slice(0, lineEnd));
                tokenizer = new CsvTokenizer(state.separator);
                pushed = tokenizer.push(head);
                head = '';
            }
            else {
                pushed = tokenizer.push(text);
            }
            count += pushed.length;
            yield* pushed;
        }
        if (!tokenizer) {
            state.separator = options.separator ?? detectSeparator(head);
            tokenizer = new CsvTokenizer(state.separator);
            pushed = tokenizer.push(head);
            count += pushed.length;
            yield* pushed;
        }
        pushed = tokenizer.end();
        count += pushed.length;
        if (count === 0)
            throw new CsvFileError('csv_empty', "Le fichier est vide : il ne contient même pas de ligne d'en-tête.");
        yield* pushed;
    }
    return {
        get encoding() {
            return state.encoding;
        },
        get separator() {
            return state.separator;
        },
        [Symbol.asyncIterator]: () => records(),
    };
}
//# sourceMappingURL=read-csv.js.map