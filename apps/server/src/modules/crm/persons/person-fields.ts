import { ValidationError, type FieldError } from '../../../platform/http/errors.js';
import { parseCivility, type Civility } from '../contacts/civility.js';
import { parseEmail } from '../contacts/email.js';
import { parsePhone } from '../contacts/phone.js';
import type { LegalBasis } from './persons.tables.js';
import type { CreatePerson, PersonPatch } from './persons.schema.js';

/** The writable fields of a person, in clear (the repository encrypts the sensitive ones). */
export interface PersonFields {
  civility: Civility | null;
  firstName: string | null;
  lastName: string;
  jobTitle: string | null;
  phone: string | null;
  personalPhone: string | null;
  sensitiveNote: string | null;
  legalBasis: LegalBasis;
  /** Normalised, lower-cased, without duplicates; the first is the primary address. */
  emails: string[];
}

const EMPTY: PersonFields = {
  civility: null,
  firstName: null,
  lastName: '',
  jobTitle: null,
  phone: null,
  personalPhone: null,
  sensitiveNote: null,
  legalBasis: 'legitimate_interest',
  emails: [],
};

/** Validates a creation body with the CRM rules; every broken rule is reported with its pointer. */
export function fieldsFromCreation(input: CreatePerson): PersonFields {
  return validated({ ...EMPTY }, input);
}

/** Applies a merge patch (absent: kept, null: cleared) onto the current fields and re-checks it. */
export function fieldsFromPatch(current: PersonFields, patch: PersonPatch): PersonFields {
  return validated({ ...current }, patch);
}

function validated(fields: PersonFields, input: PersonPatch): PersonFields {
  const errors: FieldError[] = [];
  if (input.civility !== undefined) fields.civility = input.civility === null ? null : check(parseCivility(input.civility), '/civility', errors);
  if (input.lastName !== undefined) {
    fields.lastName = input.lastName.trim();
    if (fields.lastName === '') errors.push({ pointer: '/lastName', message: 'Le nom est obligatoire.' });
  }
  if (input.firstName !== undefined) fields.firstName = blankToNull(input.firstName);
  if (input.jobTitle !== undefined) fields.jobTitle = blankToNull(input.jobTitle);
  if (input.sensitiveNote !== undefined) fields.sensitiveNote = blankToNull(input.sensitiveNote);
  if (input.legalBasis !== undefined) fields.legalBasis = input.legalBasis;
  if (input.phone !== undefined) fields.phone = input.phone === null ? null : check(parsePhone(input.phone), '/phone', errors);
  if (input.personalPhone !== undefined) {
    fields.personalPhone = input.personalPhone === null ? null : check(parsePhone(input.personalPhone), '/personalPhone', errors);
  }
  if (input.emails !== undefined) fields.emails = parseEmails(input.emails, errors);
  if (errors.length > 0) throw new ValidationError(errors, 'Certaines informations du contact ne sont pas valides.');
  return fields;
}

function parseEmails(inputs: readonly string[], errors: FieldError[]): string[] {
  const emails: string[] = [];
  inputs.forEach((input, index) => {
    const parsed = parseEmail(input);
    if (!parsed.ok) {
      errors.push({ pointer: `/emails/${index}`, message: parsed.error.message });
    } else if (emails.includes(parsed.value.key)) {
      errors.push({ pointer: `/emails/${index}`, message: `L'adresse « ${parsed.value.address} » figure deux fois.` });
    } else {
      emails.push(parsed.value.key);
    }
  });
  return emails;
}

function check<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }, pointer: string, errors: FieldError[]): T | null {
  if (result.ok) return result.value;
  errors.push({ pointer, message: result.error.message });
  return null;
}

function blankToNull(value: string | null): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}
