import type { AbstractControl, FormGroup } from '@angular/forms';
import type { FieldProblem } from '../../core/api/api-problem';

/**
 * Puts each server `errors[].pointer` (JSON Pointer into the request body) on the matching form
 * control as a `server` error. Returns the messages that match no control, for a form-level alert.
 */
export function applyServerErrors(form: FormGroup, errors: readonly FieldProblem[]): string[] {
  const unmatched: string[] = [];
  for (const error of errors) {
    const control = controlAt(form, error.pointer);
    if (control) {
      control.setErrors({ ...(control.errors ?? {}), server: error.message });
      control.markAsTouched();
    } else {
      unmatched.push(error.message);
    }
  }
  return unmatched;
}

/** `/address/city` → form.get(['address', 'city']), with RFC 6901 unescaping. */
export function controlAt(form: FormGroup, pointer: string): AbstractControl | null {
  if (!pointer.startsWith('/')) return null;
  const path = pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
  return path.length === 0 || path[0] === '' ? null : form.get(path);
}

/** The French text for a control's first error (client rules first, then the server's message). */
export function fieldErrorText(control: AbstractControl | null): string {
  const errors = control?.errors;
  if (!errors) return '';
  if (errors['required']) return $localize`:@@field.required:Ce champ est obligatoire.`;
  if (errors['email']) return $localize`:@@field.email:Adresse e-mail invalide.`;
  if (errors['minlength']) return $localize`:@@field.minlength:Au moins ${(errors['minlength'] as { requiredLength: number }).requiredLength}:length: caractères.`;
  if (errors['pattern']) return $localize`:@@field.pattern:Format invalide.`;
  if (typeof errors['server'] === 'string') return errors['server'];
  return $localize`:@@field.invalid:Valeur invalide.`;
}
