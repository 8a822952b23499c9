import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FieldCipher } from './field-cipher.js';

const key = (id: string) => ({ id, key: randomBytes(32) });

describe('FieldCipher', () => {
  const blind = randomBytes(32);

  it('round-trips a value and never stores it in clear', () => {
    const cipher = new FieldCipher([key('k1')], blind);
    const encrypted = cipher.encrypt('06 12 34 56 78');
    expect(encrypted).toMatch(/^k1:/);
    expect(encrypted).not.toContain('06 12');
    expect(cipher.decrypt(encrypted)).toBe('06 12 34 56 78');
  });

  it('uses a fresh IV each time', () => {
    const cipher = new FieldCipher([key('k1')], blind);
    expect(cipher.encrypt('same')).not.toBe(cipher.encrypt('same'));
  });

  it('decrypts values written with an older key after rotation and flags them', () => {
    const oldKey = key('old');
    const before = new FieldCipher([oldKey], blind).encrypt('secret');
    const after = new FieldCipher([key('new'), oldKey], blind);
    expect(after.decrypt(before)).toBe('secret');
    expect(after.needsRotation(before)).toBe(true);
    expect(after.needsRotation(after.encrypt('secret'))).toBe(false);
  });

  it('refuses a tampered ciphertext and an unknown key id', () => {
    const cipher = new FieldCipher([key('k1')], blind);
    const encrypted = cipher.encrypt('secret');
    const tampered = encrypted.slice(0, -4) + (encrypted.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect(() => cipher.decrypt(tampered)).toThrow();
    expect(() => cipher.decrypt('nokey:abcd')).toThrow(/No key "nokey"/);
  });

  it('gives the same blind index for the same normalised value only', () => {
    const cipher = new FieldCipher([key('k1')], blind);
    expect(cipher.blindIndex(' Jean@Example.FR ')).toBe(cipher.blindIndex('jean@example.fr'));
    expect(cipher.blindIndex('jean@example.fr')).not.toBe(cipher.blindIndex('jeanne@example.fr'));
    expect(new FieldCipher([key('k1')], randomBytes(32)).blindIndex('jean@example.fr')).not.toBe(cipher.blindIndex('jean@example.fr'));
  });
});
