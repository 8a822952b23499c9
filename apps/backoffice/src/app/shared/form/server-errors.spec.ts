// @angular/forms ships partially compiled: the JIT facade lets it load in plain Node.
import '@angular/compiler';
import { FormControl, FormGroup } from '@angular/forms';
import { describe, expect, it } from 'vitest';
import { applyServerErrors, controlAt } from './server-errors';

describe('server errors on form fields', () => {
  const form = () =>
    new FormGroup({
      name: new FormControl(''),
      address: new FormGroup({ postalCode: new FormControl('') }),
      'a/b': new FormControl(''),
    });

  it('finds controls by JSON Pointer, nested and escaped', () => {
    const group = form();
    expect(controlAt(group, '/name')).toBe(group.controls.name);
    expect(controlAt(group, '/address/postalCode')).toBe(group.controls.address.controls.postalCode);
    expect(controlAt(group, '/a~1b')).toBe(group.controls['a/b']);
    expect(controlAt(group, '/')).toBeNull();
    expect(controlAt(group, 'name')).toBeNull();
  });

  it('marks matched fields with the server message and returns the others', () => {
    const group = form();
    const unmatched = applyServerErrors(group, [
      { pointer: '/address/postalCode', message: 'Invalid postal code.' },
      { pointer: '/unknown', message: 'Something else.' },
    ]);
    const postalCode = group.controls.address.controls.postalCode;
    expect(postalCode.errors).toEqual({ server: 'Invalid postal code.' });
    expect(postalCode.touched).toBe(true);
    expect(unmatched).toEqual(['Something else.']);
  });
});
