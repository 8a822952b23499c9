import type { ImportRecord } from './import-record.js';
/** The spreadsheet rows where a row's company and contact were first seen (null: this row introduces them). */
export interface DuplicateInfo {
    readonly companyFirstRow: number | null;
    readonly contactFirstRow: number | null;
    /** The row disagrees with the first one on these points; the first row's values are kept. */
    readonly warnings: readonly string[];
}
/**
 * The identity of a contact within an import: the e-mail key (case-insensitive), else — for
 * people without e-mail — the company and the folded full name. The same e-mail in two companies
 * is one person with two affiliations.
 */
export declare function contactKey(record: ImportRecord): string | null;
/**
 * Collapses repeated companies (same SIREN) and people (same contact key) within one file. Keeps
 * only keys and row numbers, so 250,000 rows fit easily; the import service upserts by the same
 * keys, which also makes importing a file twice change nothing.
 */
export declare class InFileDeduplicator {
    private readonly companies;
    private readonly contacts;
    get companyCount(): number;
    get contactCount(): number;
    observe(row: number, record: ImportRecord): DuplicateInfo;
}
