// The validators' messages are $localize templates; the runtime makes them plain strings in Node.
import '@angular/localize/init';
import '@angular/compiler';
import { FormControl } from '@angular/forms';
import { describe, expect, it } from 'vitest';
import { legalFormValidator, luhnValid, nafValidator, postalCodeValidator, sirenValidator, websiteValidator } from './crm-validators';

const check = (validator: typeof sirenValidator, value: string) => validator(new FormControl(value, { nonNullable: true }));

describe('CRM form rules', () => {
  it('checks the Luhn key of SIREN numbers', () => {
    expect(luhnValid('732829320')).toBe(true);
    expect(luhnValid('732829321')).toBe(false);
  });

  it('accepts a valid SIREN typed with spaces or dots, and leaves an empty field to `required`', () => {
    expect(check(sirenValidator, '732 829 320')).toBeNull();
    expect(check(sirenValidator, '732.829.320')).toBeNull();
    expect(check(sirenValidator, '')).toBeNull();
  });

  it('explains a wrong length and a wrong check key in French', () => {
    expect(check(sirenValidator, '73282932')).toEqual({ crm: 'Le SIREN compte 9 chiffres.' });
    expect(check(sirenValidator, '732829321')?.['crm']).toContain('clé de contrôle est fausse');
  });

  it('accepts NAF codes with or without the dot, in any case', () => {
    expect(check(nafValidator, '62.01Z')).toBeNull();
    expect(check(nafValidator, '6201z')).toBeNull();
    expect(check(nafValidator, '62-01')).not.toBeNull();
  });

  it('checks postal codes, INSEE legal forms and web addresses', () => {
    expect(check(postalCodeValidator, '69001')).toBeNull();
    expect(check(postalCodeValidator, '6900')).not.toBeNull();
    expect(check(legalFormValidator, '5710')).toBeNull();
    expect(check(legalFormValidator, 'SAS')).not.toBeNull();
    expect(check(websiteValidator, 'https://exemple.fr')).toBeNull();
    expect(check(websiteValidator, 'exemple.fr')).not.toBeNull();
  });
});
