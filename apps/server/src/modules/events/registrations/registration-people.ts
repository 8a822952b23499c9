import type { Tx } from '../../../platform/db/index.js';
import { findPersonSummaries } from '../../crm/index.js';
import type { Registration, RegistrationRecord } from './registrations.schema.js';

/**
 * Adds the contact's name and address, read from the CRM under the caller's RLS: a contact of a
 * branch outside the caller's (registered by the national office) shows as null, never leaks.
 */
export async function withPeople(tx: Tx, records: readonly RegistrationRecord[]): Promise<Registration[]> {
  const people = await findPersonSummaries(tx, [...new Set(records.map((record) => record.personId))]);
  return records.map((record) => {
    const person = people.get(record.personId);
    return { ...record, person: person ? { firstName: person.firstName, lastName: person.lastName, email: person.primaryEmail } : null };
  });
}

export async function withPerson(tx: Tx, record: RegistrationRecord): Promise<Registration> {
  return (await withPeople(tx, [record]))[0]!;
}
