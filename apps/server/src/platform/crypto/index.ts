export { FieldCipher } from './field-cipher.js';
