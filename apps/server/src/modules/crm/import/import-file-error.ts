/**
 * A file that cannot be read at all, whatever its format (as opposed to a row with bad values):
 * the import stops with this French message. `code` is stable for the API.
 */
export class ImportFileError extends Error {
  constructor(
    readonly code: 'xlsx_unreadable' | 'xls_unsupported' | 'file_empty' | 'file_format_unknown',
    message: string,
  ) {
    super(message);
    this.name = 'ImportFileError';
  }
}
