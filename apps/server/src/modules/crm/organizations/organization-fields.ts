import { ValidationError, type FieldError } from '../../../platform/http/errors.js';
import { parseNafCode } from '../classification/naf.js';
import { parsePhone, phoneRegionOfDepartement } from '../contacts/phone.js';
import { resolveCommune } from '../geography/resolve-commune.js';
import { parseSiren, type Siren } from '../identifiers/siren.js';
import type { CreateOrganization, OrganizationIdentity, OrganizationPatch } from './organizations.schema.js';

/** The writable identity, flattened to its columns (the SIREN excepted: it never changes). */
export interface OrganizationFields {
  name: string;
  legalName: string | null;
  nafCode: string | null;
  nafVersion: string | null;
  legalForm: string | null;
  headcountBand: string | null;
  street: string | null;
  postalCode: string | null;
  communeInsee: string | null;
  communeName: string | null;
  departementCode: string | null;
  website: string | null;
  phone: string | null;
}

export function fieldsOf(organization: OrganizationIdentity): OrganizationFields {
  return {
    name: organization.name,
    legalName: organization.legalName,
    nafCode: organization.nafCode,
    nafVersion: organization.nafVersion,
    legalForm: organization.legalForm,
    headcountBand: organization.headcountBand,
    street: organization.address.street,
    postalCode: organization.address.postalCode,
    communeInsee: organization.address.communeInsee,
    communeName: organization.address.communeName,
    departementCode: organization.address.departementCode,
    website: organization.website,
    phone: organization.phone,
  };
}

const EMPTY: OrganizationFields = {
  name: '',
  legalName: null,
  nafCode: null,
  nafVersion: null,
  legalForm: null,
  headcountBand: null,
  street: null,
  postalCode: null,
  communeInsee: null,
  communeName: null,
  departementCode: null,
  website: null,
  phone: null,
};

/** Validates a creation body with the CRM rules; every broken rule is reported with its pointer. */
export function fieldsFromCreation(input: CreateOrganization): { siren: Siren; fields: OrganizationFields } {
  const errors: FieldError[] = [];
  const siren = parseSiren(input.siren);
  if (!siren.ok) errors.push({ pointer: '/siren', message: siren.error.message });
  const fields = applyIdentity({ ...EMPTY }, { ...input }, errors);
  if (errors.length > 0 || !siren.ok) throw new ValidationError(errors);
  return { siren: siren.value, fields };
}

/** Applies a merge patch (absent: kept, null: cleared) and re-checks what changed. */
export function fieldsFromPatch(current: OrganizationIdentity, patch: OrganizationPatch): OrganizationFields {
  const errors: FieldError[] = [];
  const fields = applyIdentity(fieldsOf(current), patch, errors);
  if (errors.length > 0) throw new ValidationError(errors);
  return fields;
}

function applyIdentity(fields: OrganizationFields, input: OrganizationPatch, errors: FieldError[]): OrganizationFields {
  if (input.name !== undefined) {
    fields.name = input.name.trim();
    if (fields.name.length === 0) errors.push({ pointer: '/name', message: 'Le nom est obligatoire.' });
  }
  if (input.legalName !== undefined) fields.legalName = input.legalName?.trim() || null;
  if (input.legalForm !== undefined) fields.legalForm = input.legalForm;
  if (input.headcountBand !== undefined) fields.headcountBand = input.headcountBand;
  if (input.website !== undefined) fields.website = input.website;
  if (input.nafCode !== undefined) {
    if (input.nafCode === null) {
      fields.nafCode = null;
      fields.nafVersion = null;
    } else {
      const naf = parseNafCode(input.nafCode);
      if (naf.ok) {
        fields.nafCode = naf.value.code;
        fields.nafVersion = naf.value.version;
      } else {
        errors.push({ pointer: '/nafCode', message: naf.error.message });
      }
    }
  }
  if (input.address !== undefined) applyAddress(fields, input.address, errors);
  if (input.phone !== undefined) {
    if (input.phone === null) {
      fields.phone = null;
    } else {
      // A number without +33 is read in the territory of the address (0590… in Guadeloupe is +590).
      const phone = parsePhone(input.phone, phoneRegionOfDepartement(fields.departementCode ?? undefined));
      if (phone.ok) fields.phone = phone.value;
      else errors.push({ pointer: '/phone', message: phone.error.message });
    }
  }
  return fields;
}

type AddressInput = NonNullable<OrganizationPatch['address']>;

function applyAddress(fields: OrganizationFields, address: AddressInput | null, errors: FieldError[]): void {
  if (address === null) {
    Object.assign(fields, { street: null, postalCode: null, communeInsee: null, communeName: null, departementCode: null });
    return;
  }
  if (address.street !== undefined) fields.street = address.street?.trim() || null;
  if (address.postalCode === undefined && address.communeName === undefined) return;
  const postalCode = address.postalCode === undefined ? fields.postalCode : address.postalCode;
  // A new postal code without a name must not keep the old commune's name.
  const communeName = address.communeName !== undefined ? address.communeName : address.postalCode !== undefined ? null : fields.communeName;
  if (postalCode === null) {
    if (communeName) errors.push({ pointer: '/address/postalCode', message: 'Le code postal est obligatoire pour situer la commune.' });
    Object.assign(fields, { postalCode: null, communeInsee: null, communeName: null, departementCode: null });
    return;
  }
  const commune = resolveCommune(postalCode, communeName ?? '');
  if (!commune.ok) {
    const pointer = commune.error.code.startsWith('commune_') ? '/address/communeName' : '/address/postalCode';
    errors.push({ pointer, message: commune.error.message });
    return;
  }
  fields.postalCode = commune.value.postalCode;
  fields.communeInsee = commune.value.inseeCode;
  fields.communeName = commune.value.name;
  fields.departementCode = commune.value.departementCode;
}
