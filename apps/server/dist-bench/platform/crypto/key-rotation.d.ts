import { type Database } from '../db/index.js';
import type { FieldCipher } from './field-cipher.js';
import { type EncryptedColumn } from './encrypted-columns.js';
export interface ColumnRotation {
    table: string;
    column: string;
    /** Values found under an older key and rewritten under the active one. */
    reencrypted: number;
}
export interface RotationOptions {
    /** Defaults to every registered column. */
    columns?: readonly EncryptedColumn[];
    /** Rows per transaction: short transactions keep row locks brief on a live database. */
    batchSize?: number;
}
/**
 * Re-encrypts under the active key every value written under an older one (`cipher.needsRotation`),
 * batch by batch, each batch its own transaction: interrupted, it resumes where it stopped.
 * Runs as the owner: a maintenance command acting across every branch, outside row-level security.
 * Once it reports zero everywhere, the old keys can leave ENCRYPTION_KEYS.
 */
export declare function rotateEncryptionKeys(database: Database, cipher: FieldCipher, options?: RotationOptions): Promise<ColumnRotation[]>;
