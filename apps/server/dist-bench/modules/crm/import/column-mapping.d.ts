import type { RuleViolation } from '../rule-result.js';
/** The import's target fields, in the order a file usually has them. */
export declare const IMPORT_FIELDS: readonly ["companyName", "siren", "siret", "nafCode", "addressLine", "postalCode", "city", "headcount", "civility", "lastName", "firstName", "email", "phone", "joinedOn", "duesAmount"];
export type ImportField = (typeof IMPORT_FIELDS)[number];
/** How each field is named for staff (messages, mapping screen). */
export declare const FIELD_LABELS: Readonly<Record<ImportField, string>>;
/**
 * Header names seen in branch exports, compared after folding (case, accents, punctuation and
 * units like "(€)" ignored). Order matters only for readability: a header maps to one field.
 */
export declare const DEFAULT_HEADER_NAMES: Readonly<Record<ImportField, readonly string[]>>;
/** A file column chosen for a field: its position and its header as written in the file. */
export interface MappedColumn {
    readonly index: number;
    readonly header: string;
}
export type ColumnMapping = Partial<Record<ImportField, MappedColumn>>;
/**
 * What staff chose on the mapping screen: the file header to use for a field, or null to ignore a
 * column the defaults would have picked. Unlisted fields keep the default matching.
 */
export type ColumnOverrides = Partial<Record<ImportField, string | null>>;
export interface ColumnMappingResult {
    readonly mapping: ColumnMapping;
    /** Headers that feed no field (shown to staff so a misspelt header is noticed). */
    readonly ignoredHeaders: readonly string[];
    /** Blocking: the file cannot be imported with this mapping. */
    readonly problems: readonly RuleViolation[];
}
/** Maps the file's header line to import fields; the company needs a name, a SIREN (or SIRET) and a postal code. */
export declare function mapColumns(headers: readonly string[], overrides?: ColumnOverrides): ColumnMappingResult;
