import type { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';

/**
 * Client-side checks mirroring the server's CRM rules (organizations.schema.ts and the identifier
 * rules), so staff see mistakes before sending. The server stays authoritative: its 422 pointers
 * land on the same fields with its own French messages.
 */

/** Luhn over a string of digits (SIREN and SIRET check keys). */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** 9 digits (spaces and dots tolerated, as the API does) with a valid check key. */
export const sirenValidator: ValidatorFn = (control: AbstractControl<string>): ValidationErrors | null => {
  const raw = (control.value ?? '').replace(/[\s.]+/g, '');
  if (raw === '') return null;
  if (!/^\d{9}$/.test(raw)) return { crm: $localize`:@@crm.validation.sirenFormat:Le SIREN compte 9 chiffres.` };
  if (!luhnValid(raw)) return { crm: $localize`:@@crm.validation.sirenKey:Ce SIREN n'existe pas : sa clé de contrôle est fausse. Vérifiez les chiffres.` };
  return null;
};

/** NAF rév. 2 sous-classe, with or without the dot: 62.01Z or 6201Z. Existence is checked by the server. */
export const nafValidator: ValidatorFn = (control: AbstractControl<string>): ValidationErrors | null => {
  const raw = (control.value ?? '').trim().toUpperCase();
  if (raw === '' || /^\d{2}\.?\d{2}[A-Z]$/.test(raw)) return null;
  return { crm: $localize`:@@crm.validation.naf:Code NAF attendu sous la forme 62.01Z.` };
};

export const postalCodeValidator: ValidatorFn = (control: AbstractControl<string>): ValidationErrors | null => {
  const raw = (control.value ?? '').replace(/\s+/g, '');
  if (raw === '' || /^\d{5}$/.test(raw)) return null;
  return { crm: $localize`:@@crm.validation.postalCode:Le code postal compte 5 chiffres.` };
};

export const websiteValidator: ValidatorFn = (control: AbstractControl<string>): ValidationErrors | null => {
  const raw = (control.value ?? '').trim();
  if (raw === '' || /^https?:\/\/\S+$/.test(raw)) return null;
  return { crm: $localize`:@@crm.validation.website:Adresse web attendue sous la forme https://exemple.fr.` };
};

export const legalFormValidator: ValidatorFn = (control: AbstractControl<string>): ValidationErrors | null => {
  const raw = (control.value ?? '').trim();
  if (raw === '' || /^\d{4}$/.test(raw)) return null;
  return { crm: $localize`:@@crm.validation.legalForm:La catégorie juridique INSEE compte 4 chiffres (ex. 5710 pour une SAS).` };
};

/** The text of a control's error: the CRM rule's own sentence first, then the shared wording. */
export function crmErrorText(control: AbstractControl | null, fallback: (control: AbstractControl | null) => string): string {
  const message = control?.errors?.['crm'];
  return typeof message === 'string' ? message : fallback(control);
}
