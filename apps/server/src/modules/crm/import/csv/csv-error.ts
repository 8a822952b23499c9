/**
 * A file that cannot be read at all (as opposed to a row with bad values): the whole import stops
 * with this French message. `code` is stable for the API.
 */
export class CsvFileError extends Error {
  constructor(
    readonly code: 'csv_encoding_unsupported' | 'csv_encoding_mixed' | 'csv_unterminated_quote' | 'csv_empty',
    message: string,
  ) {
    super(message);
    this.name = 'CsvFileError';
  }
}
