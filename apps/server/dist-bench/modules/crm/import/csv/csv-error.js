/**
 * A file that cannot be read at all (as opposed to a row with bad values): the whole import stops
 * with this French message. `code` is stable for the API.
 */
export class CsvFileError extends Error {
    code;
    constructor(code, message) {
        super(message);
        this.code = code;
        this.name = 'CsvFileError';
    }
}
//# sourceMappingURL=csv-error.js.map