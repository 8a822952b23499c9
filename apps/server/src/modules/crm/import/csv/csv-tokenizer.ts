import { CsvFileError } from './csv-error.js';

export interface CsvRecord {
  /**
   * Row number as a spreadsheet shows it (header = 1, blank rows counted): what staff look for.
   * It differs from `line` after a quoted field spanning several lines.
   */
  readonly row: number;
  /** Physical line (1-based) where the record starts, as a text editor shows it. */
  readonly line: number;
  readonly fields: string[];
}

/**
 * RFC 4180 tokenizer fed chunk by chunk: quoted fields may hold the separator, doubled quotes and
 * line breaks; records end with CRLF, LF or a lone CR. Only the record being read is kept in
 * memory. Lenient where Excel output is harmless (a stray quote inside an unquoted field is kept
 * as text); line breaks inside quoted fields are normalised to LF.
 */
export class CsvTokenizer {
  private fields: string[] = [];
  private field = '';
  private inQuotes = false;
  /** Inside quotes, a quote was just read: either the closing one or the first of a doubled pair. */
  private quotePending = false;
  /** A CR ended the previous record or quoted line: a following LF belongs to it. */
  private afterCr = false;
  private fieldStarted = false;
  private line = 1;
  private recordLine = 1;
  private row = 0;

  constructor(private readonly separator: string) {}

  /** Consumes a chunk of text and returns the records it completed. */
  push(text: string): CsvRecord[] {
    const records: CsvRecord[] = [];
    const separator = this.separator;
    for (let index = 0; index < text.length; index += 1) {
      const char = text[index]!;
      if (this.afterCr) {
        this.afterCr = false;
        if (char === '\n') continue;
      }
      if (this.inQuotes) {
        if (this.quotePending) {
          this.quotePending = false;
          if (char === '"') {
            this.field += '"';
            continue;
          }
          this.inQuotes = false;
        } else if (char === '"') {
          this.quotePending = true;
          continue;
        } else if (char === '\r' || char === '\n') {
          this.field += '\n';
          this.line += 1;
          this.afterCr = char === '\r';
          continue;
        } else {
          // Copy the run of ordinary characters at once: far fewer string operations.
          let end = index + 1;
          while (end < text.length) {
            const next = text[end];
            if (next === '"' || next === '\r' || next === '\n') break;
            end += 1;
          }
          this.field += text.slice(index, end);
          index = end - 1;
          continue;
        }
      }
      if (char === separator) {
        this.endField();
      } else if (char === '\r' || char === '\n') {
        this.afterCr = char === '\r';
        this.endRecord(records);
        this.line += 1;
        this.recordLine = this.line;
      } else if (char === '"' && !this.fieldStarted) {
        this.inQuotes = true;
        this.fieldStarted = true;
      } else {
        let end = index + 1;
        while (end < text.length) {
          const next = text[end];
          if (next === separator || next === '\r' || next === '\n' || next === '"') break;
          end += 1;
        }
        this.field += text.slice(index, end);
        this.fieldStarted = true;
        index = end - 1;
      }
    }
    return records;
  }

  /** Ends the input: returns the last record when the file does not end with a line break. */
  end(): CsvRecord[] {
    if (this.inQuotes && !this.quotePending) {
      // The row being read has not been counted yet.
      throw new CsvFileError(
        'csv_unterminated_quote',
        `Ligne ${this.row + 1} : un guillemet ouvert n'est jamais refermé ; la fin du fichier a été atteinte dans un champ entre guillemets.`,
      );
    }
    this.inQuotes = false;
    const records: CsvRecord[] = [];
    // A file ending with a line break has no last row to flush.
    if (this.fieldStarted || this.fields.length > 0) this.endRecord(records);
    return records;
  }

  private endField(): void {
    this.fields.push(this.field);
    this.field = '';
    this.fieldStarted = false;
  }

  private endRecord(records: CsvRecord[]): void {
    this.endField();
    this.row += 1;
    // Blank lines and Excel's rows of empty cells (";;;;") carry nothing.
    if (this.fields.some((field) => field !== '')) records.push({ row: this.row, line: this.recordLine, fields: this.fields });
    this.fields = [];
  }
}

/**
 * The separator of a French export is `;` (Excel, with the French list separator) or `,` (other
 * tools): whichever occurs more often outside quotes on the header line; `;` on a tie.
 */
export function detectSeparator(headerLine: string): ';' | ',' | '\t' {
  const counts = { ';': 0, ',': 0, '\t': 0 };
  let inQuotes = false;
  for (const char of headerLine) {
    if (char === '"') inQuotes = !inQuotes;
    else if (!inQuotes && char in counts) counts[char as keyof typeof counts] += 1;
  }
  if (counts['\t'] > counts[';'] && counts['\t'] > counts[',']) return '\t';
  return counts[','] > counts[';'] ? ',' : ';';
}
