import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { ValidationError } from '../../../platform/http/errors.js';

export const PASSWORD_MIN_LENGTH = 12;

/** argon2id (the library default) with its recommended memory and time costs. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Verifies against a throwaway hash when the email is unknown, so that an unknown email and a
 * wrong password take the same time and nobody can probe which accounts exist.
 */
export async function burnPasswordVerification(password: string): Promise<void> {
  dummyHash ??= hashPassword(randomBytes(16).toString('base64url'));
  await verifyPassword(await dummyHash, password);
}

export function assertPasswordPolicy(password: string, pointer = '/password'): void {
  if (password.length < PASSWORD_MIN_LENGTH) {
    throw new ValidationError([{ pointer, message: `Le mot de passe doit comporter au moins ${PASSWORD_MIN_LENGTH} caractères.` }]);
  }
}

/** 16 characters from an unambiguous alphabet (about 80 bits), readable over the phone. */
export function temporaryPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(16);
  return Array.from(bytes, (byte) => alphabet[byte % alphabet.length]).join('');
}
