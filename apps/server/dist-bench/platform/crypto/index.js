export { FieldCipher } from './field-cipher.js';
export { registerEncryptedColumn, listEncryptedColumns } from './encrypted-columns.js';
export { rotateEncryptionKeys } from './key-rotation.js';
//# sourceMappingURL=index.js.map