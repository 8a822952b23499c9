import type { FormGroup } from '@angular/forms';
import type { ApiProblem } from '../../core/api/api-problem';
import { problemMessage } from '../../core/api/problem-messages';
import { applyServerErrors } from './server-errors';

export interface FormAlertOptions {
  /** The control a server pointer lands on, where the form's shape differs from the request body. */
  control?: (pointer: string) => string;
  /**
   * The sentences above the field errors that match no control. Default: the problem's message
   * only when it came without field errors (`messageWithoutFieldErrors`).
   */
  lead?: (problem: ApiProblem) => string[];
}

/** The default lead: the field errors speak for themselves. */
export const messageWithoutFieldErrors = (problem: ApiProblem): string[] => (problem.errors.length > 0 ? [] : [problemMessage(problem)]);

/** A lead that always opens with the problem's message (« Certains champs sont invalides… »). */
export const problemMessageFirst = (problem: ApiProblem): string[] => [problemMessage(problem)];

/**
 * What a form shows after the server refused it: field errors go on their controls and the
 * alert lists the lead sentences, then the field errors that match none.
 */
export function formAlertsFor(form: FormGroup, problem: ApiProblem, options: FormAlertOptions = {}): string[] {
  const { control, lead = messageWithoutFieldErrors } = options;
  const errors = control ? problem.errors.map((error) => ({ ...error, pointer: control(error.pointer) })) : problem.errors;
  return [...lead(problem), ...applyServerErrors(form, errors)];
}
