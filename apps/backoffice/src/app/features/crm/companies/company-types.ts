import type { ItemOf, ResponseOf } from '../../../core/api/api-types';

export const ORGANIZATIONS_PATH = '/api/v1/organizations';
export type Company = ResponseOf<'/api/v1/organizations/{id}'>;
export type CompanyListItem = ItemOf<typeof ORGANIZATIONS_PATH>;
export type CompanyLink = Company['links'][number];

/** `Lyon (69)`, or whatever part of the place is known. */
export function placeOf(address: Company['address']): string {
  const city = address.communeName ?? '';
  const departement = address.departementCode ? `(${address.departementCode})` : '';
  return [city, departement].filter(Boolean).join(' ') || '—';
}
