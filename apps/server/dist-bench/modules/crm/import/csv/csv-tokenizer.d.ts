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
export declare class CsvTokenizer {
    private readonly separator;
    private fields;
    private field;
    private inQuotes;
    /** Inside quotes, a quote was just read: either the closing one or the first of a doubled pair. */
    private quotePending;
    /** A CR ended the previous record or quoted line: a following LF belongs to it. */
    private afterCr;
    private fieldStarted;
    private line;
    private recordLine;
    private row;
    constructor(separator: string);
    /** Consumes a chunk of text and returns the records it completed. */
    push(text: string): CsvRecord[];
    /** Ends the input: returns the last record when the file does not end with a line break. */
    end(): CsvRecord[];
    private endField;
    private endRecord;
}
/**
 * The separator of a French export is `;` (Excel, with the French list separator) or `,` (other
 * tools): whichever occurs more often outside quotes on the header line; `;` on a tie.
 */
export declare function detectSeparator(headerLine: string): ';' | ',' | '\t';
