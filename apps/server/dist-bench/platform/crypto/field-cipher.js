import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
const IV_BYTES = 12;
const TAG_BYTES = 16;
/**
 * AES-256-GCM for sensitive fields. A ciphertext reads `<keyId>:<base64(iv | tag | data)>`, so that
 * after a key rotation old values still decrypt and `needsRotation` tells which to re-encrypt.
 */
export class FieldCipher {
    blindIndexKey;
    keys;
    active;
    constructor(keyring, blindIndexKey) {
        this.blindIndexKey = blindIndexKey;
        if (keyring.length === 0)
            throw new Error('The encryption keyring is empty');
        this.active = keyring[0];
        this.keys = new Map(keyring.map((k) => [k.id, k.key]));
    }
    get activeKeyId() {
        return this.active.id;
    }
    encrypt(plaintext) {
        const iv = randomBytes(IV_BYTES);
        const cipher = createCipheriv('aes-256-gcm', this.active.key, iv);
        const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
        return `${this.active.id}:${Buffer.concat([iv, cipher.getAuthTag(), data]).toString('base64')}`;
    }
    decrypt(ciphertext) {
        const separator = ciphertext.indexOf(':');
        const keyId = ciphertext.slice(0, separator);
        const key = this.keys.get(keyId);
        if (separator < 1 || !key)
            throw new Error(`No key "${keyId}" in the keyring to decrypt this value`);
        const raw = Buffer.from(ciphertext.slice(separator + 1), 'base64');
        const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
        decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
        return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    }
    needsRotation(ciphertext) {
        return !ciphertext.startsWith(`${this.active.id}:`);
    }
    /**
     * Keyed hash of a normalised value, stored beside an encrypted field so it can be looked up by
     * equality (e.g. an email) without decrypting. Normalisation: trimmed, lower-cased.
     */
    blindIndex(value) {
        return createHmac('sha256', this.blindIndexKey).update(value.trim().toLowerCase()).digest('base64url');
    }
}
//# sourceMappingURL=field-cipher.js.map