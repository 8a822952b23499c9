import type { EncryptionKey } from '../config/index.js';
/**
 * AES-256-GCM for sensitive fields. A ciphertext reads `<keyId>:<base64(iv | tag | data)>`, so that
 * after a key rotation old values still decrypt and `needsRotation` tells which to re-encrypt.
 */
export declare class FieldCipher {
    private readonly blindIndexKey;
    private readonly keys;
    private readonly active;
    constructor(keyring: readonly EncryptionKey[], blindIndexKey: Buffer);
    get activeKeyId(): string;
    encrypt(plaintext: string): string;
    decrypt(ciphertext: string): string;
    needsRotation(ciphertext: string): boolean;
    /**
     * Keyed hash of a normalised value, stored beside an encrypted field so it can be looked up by
     * equality (e.g. an email) without decrypting. Normalisation: trimmed, lower-cased.
     */
    blindIndex(value: string): string;
}
