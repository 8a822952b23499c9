import { randomInt } from 'node:crypto';

// No 0/o, 1/l/i: the password is read off a terminal and typed by hand.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Four groups of four characters (about 79 bits): strong, and easy to read aloud or retype. */
export function generateDemoPassword(): string {
  const group = () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return [group(), group(), group(), group()].join('-');
}
