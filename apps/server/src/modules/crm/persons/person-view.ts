import type { AuditActor } from '../../../platform/audit/index.js';
import type { Principal } from '../../../platform/auth/index.js';
import type { FieldCipher } from '../../../platform/crypto/index.js';
import { isoTimestamp, type Database, type DbScope } from '../../../platform/db/index.js';
import type { PersonFields } from './person-fields.js';
import type { PersonReadRecord, PersonRecord, StoredPersonFields } from './persons.repository.js';
import type { Person } from './persons.schema.js';
import { PERSON_PERMISSIONS } from './permissions.js';

export interface PersonDeps {
  database: Database;
  cipher: FieldCipher;
}

export interface PersonActor {
  principal: Principal;
  audit: AuditActor;
}

/** `*` (any version) or the version the client read, taken from If-Match. */
export type ExpectedVersion = number | '*';

/** RLS scope of the subtrees where the actor holds a permission. */
export function scopeOf(actor: PersonActor, permission: string): DbScope {
  return { kind: 'entities', entityRoots: actor.principal.rootsFor(permission), userId: actor.principal.userId };
}

/**
 * The API view of a stored person. Sensitive fields are decrypted and included only when the caller
 * holds crm.persons.sensitive.read on the person's entity (or an ancestor); otherwise they are absent.
 */
export function toPerson(record: PersonReadRecord, emails: readonly string[], cipher: FieldCipher, principal: Principal | null): Person {
  const person: Person = {
    id: record.id,
    entityId: record.entityId,
    civility: record.civility,
    firstName: record.firstName,
    lastName: record.lastName,
    jobTitle: record.jobTitle,
    phone: record.phone,
    emails: emails.map((email, index) => ({ email, isPrimary: index === 0 })),
    legalBasis: record.legalBasis,
    lastInteractionAt: record.lastInteractionAt === null ? null : isoTimestamp(record.lastInteractionAt),
    retentionFlaggedAt: record.retentionFlaggedAt === null ? null : isoTimestamp(record.retentionFlaggedAt),
    anonymizedAt: record.anonymizedAt === null ? null : isoTimestamp(record.anonymizedAt),
    version: record.version,
    createdAt: isoTimestamp(record.createdAt),
    updatedAt: isoTimestamp(record.updatedAt),
  };
  if (principal === null || principal.holdsOn(PERSON_PERMISSIONS.sensitiveRead, record.entityId)) {
    person.personalPhone = decryptOrNull(cipher, record.personalPhoneEncrypted);
    person.sensitiveNote = decryptOrNull(cipher, record.sensitiveNoteEncrypted);
  }
  return person;
}

export function decryptOrNull(cipher: FieldCipher, ciphertext: string | null): string | null {
  return ciphertext === null ? null : cipher.decrypt(ciphertext);
}

export function fieldsOfRecord(record: PersonRecord, emails: readonly string[], cipher: FieldCipher): PersonFields {
  return {
    civility: record.civility,
    firstName: record.firstName,
    lastName: record.lastName,
    jobTitle: record.jobTitle,
    phone: record.phone,
    personalPhone: decryptOrNull(cipher, record.personalPhoneEncrypted),
    sensitiveNote: decryptOrNull(cipher, record.sensitiveNoteEncrypted),
    legalBasis: record.legalBasis,
    emails: [...emails],
  };
}

export function storedFields(fields: PersonFields, cipher: FieldCipher): StoredPersonFields {
  return {
    civility: fields.civility,
    firstName: fields.firstName,
    lastName: fields.lastName,
    jobTitle: fields.jobTitle,
    phone: fields.phone,
    personalPhoneEncrypted: fields.personalPhone === null ? null : cipher.encrypt(fields.personalPhone),
    sensitiveNoteEncrypted: fields.sensitiveNote === null ? null : cipher.encrypt(fields.sensitiveNote),
    legalBasis: fields.legalBasis,
  };
}

/**
 * What the audit trail keeps of a person: the non-identifying fields in clear, and the personal
 * data as one masked `personalData` key (registered sensitive), so that the trail says that it
 * changed without holding it — nothing to erase there when the person asks for erasure.
 */
export function auditSnapshot(fields: PersonFields, entityId: string): Record<string, unknown> {
  const { legalBasis, ...personal } = fields;
  return { entityId, legalBasis, personalData: personal };
}

