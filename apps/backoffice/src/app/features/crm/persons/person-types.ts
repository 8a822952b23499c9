import type { ResponseOf } from '../../../core/api/api-types';
import { CIVILITY_LABELS } from '../shared/crm-labels';

export type Person = ResponseOf<'/api/v1/persons/{id}'>;
export type Affiliation = ResponseOf<'/api/v1/persons/{id}/affiliations'>['items'][number];
export type ConsentState = ResponseOf<'/api/v1/persons/{id}/consents'>;

/** `Mme Claire Martin`, as staff address the person. */
export function displayName(person: Pick<Person, 'civility' | 'firstName' | 'lastName'>): string {
  return [person.civility ? CIVILITY_LABELS[person.civility] : null, person.firstName, person.lastName].filter(Boolean).join(' ');
}
