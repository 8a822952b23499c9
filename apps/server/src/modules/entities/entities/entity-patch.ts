import { ValidationError, type FieldError } from '../../../platform/http/errors.js';
import { fieldsOf, type EntityFields } from './entities.repository.js';
import type { Entity, EntityPatch } from './entities.schema.js';
import { isValidSiren } from './siren.js';

/**
 * Applies a JSON Merge Patch (RFC 7396) to the writable fields: an absent key keeps the value,
 * null clears it, and a null group (`"address": null`) clears the whole group.
 */
export function applyEntityPatch(current: Entity, patch: EntityPatch): EntityFields {
  const fields = fieldsOf(current);
  if (patch.name !== undefined) fields.name = patch.name.trim();
  const legal = patch.legalIdentity === null ? { siren: null, legalName: null } : patch.legalIdentity;
  if (legal?.siren !== undefined) fields.siren = legal.siren;
  if (legal?.legalName !== undefined) fields.legalName = legal.legalName;
  const address = patch.address === null ? { line: null, postalCode: null, city: null } : patch.address;
  if (address?.line !== undefined) fields.addressLine = address.line;
  if (address?.postalCode !== undefined) fields.postalCode = address.postalCode;
  if (address?.city !== undefined) fields.city = address.city;
  const contact = patch.contact === null ? { email: null, phone: null } : patch.contact;
  if (contact?.email !== undefined) fields.email = contact.email;
  if (contact?.phone !== undefined) fields.phone = contact.phone;
  assertValidFields(fields);
  return fields;
}

/** Rules the JSON schema cannot state; the pointers name the fields of the API representation. */
export function assertValidFields(fields: EntityFields): void {
  const errors: FieldError[] = [];
  if (fields.name.length < 2) errors.push({ pointer: '/name', message: 'The name must have at least 2 characters.' });
  if (fields.siren !== null && !isValidSiren(fields.siren)) {
    errors.push({ pointer: '/legalIdentity/siren', message: 'This SIREN is not valid (9 digits with a correct check digit).' });
  }
  if (errors.length > 0) throw new ValidationError(errors);
}
