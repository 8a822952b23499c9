export { FieldCipher } from './field-cipher.js';
export { registerEncryptedColumn, listEncryptedColumns, type EncryptedColumn } from './encrypted-columns.js';
export { rotateEncryptionKeys, type ColumnRotation, type RotationOptions } from './key-rotation.js';
