import type { FormGroup } from '@angular/forms';
import type { ApiProblem } from '../../core/api/api-problem';
import { problemMessage } from '../../core/api/problem-messages';
import { applyServerErrors } from './server-errors';

/**
 * What a form shows after the server refused it: field errors go on their controls and the
 * alert lists those that match none; a problem without field errors gives its own message.
 */
export function formAlertsFor(form: FormGroup, problem: ApiProblem): string[] {
  const unmatched = applyServerErrors(form, problem.errors);
  return problem.errors.length > 0 ? unmatched : [problemMessage(problem)];
}
