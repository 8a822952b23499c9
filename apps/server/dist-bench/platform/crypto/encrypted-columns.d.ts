/** A column holding FieldCipher ciphertexts, addressed by a unique, orderable id column. */
export interface EncryptedColumn {
    table: string;
    idColumn: string;
    column: string;
}
/**
 * Declares a column whose values `keys:rotate` re-encrypts under the active key. Call it at module
 * load, in a file the app imports (e.g. next to the table definition), so that the CLI sees it.
 */
export declare function registerEncryptedColumn(column: EncryptedColumn): void;
export declare function listEncryptedColumns(): EncryptedColumn[];
