// The problem messages are $localize templates; the runtime makes them plain strings in Node.
import '@angular/localize/init';
// @angular/forms ships partially compiled: the JIT facade lets it load in plain Node.
import '@angular/compiler';
import { FormControl, FormGroup } from '@angular/forms';
import { describe, expect, it } from 'vitest';
import { ApiProblem } from '../../core/api/api-problem';
import { formAlertsFor, problemMessageFirst } from './form-alerts';

describe('form alerts after a refusal', () => {
  const form = () => new FormGroup({ name: new FormControl(''), person: new FormControl('') });
  const invalid = (pointer: string) =>
    new ApiProblem({ status: 422, code: 'validation_failed', errors: [{ pointer, message: 'Refusé.' }, { pointer: '/other', message: 'Autre chose.' }] });
  const validationMessage = 'Certains champs sont invalides. Corrigez-les puis réessayez.';

  it('shows only the unmatched field errors, or the message of a problem without any', () => {
    const group = form();
    expect(formAlertsFor(group, invalid('/name'))).toEqual(['Autre chose.']);
    expect(group.controls.name.errors).toEqual({ server: 'Refusé.' });
    expect(formAlertsFor(form(), new ApiProblem({ status: 409, code: 'conflict' }))).toEqual(['Cet élément existe déjà ou a été modifié entre-temps.']);
  });

  it('renames pointers to controls and can lead with the message', () => {
    const group = form();
    const alerts = formAlertsFor(group, invalid('/personId'), { control: (pointer) => (pointer === '/personId' ? '/person' : pointer), lead: problemMessageFirst });
    expect(alerts).toEqual([validationMessage, 'Autre chose.']);
    expect(group.controls.person.errors).toEqual({ server: 'Refusé.' });
  });
});
