import { Injectable, inject } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ApiProblem } from '../../core/api/api-problem';
import { problemMessage } from '../../core/api/problem-messages';

/** Short notices: successes, and problem+json errors in French with the request id for support. */
@Injectable({ providedIn: 'root' })
export class Toaster {
  private readonly snackBar = inject(MatSnackBar);

  success(message: string): void {
    this.snackBar.open(message, $localize`:@@toast.close:Fermer`, { duration: 4000, politeness: 'polite' });
  }

  /** Any thrown value: ApiProblem gets its French message, anything else a generic one. */
  error(error: unknown): void {
    const message = error instanceof ApiProblem ? withRequestId(problemMessage(error), error) : $localize`:@@toast.unexpected:Une erreur inattendue est survenue.`;
    if (!(error instanceof ApiProblem)) console.error(error);
    this.snackBar.open(message, $localize`:@@toast.close:Fermer`, { duration: 8000, politeness: 'assertive', panelClass: 'mx-toast-error' });
  }
}

function withRequestId(message: string, problem: ApiProblem): string {
  return problem.requestId && problem.status >= 500 ? `${message} (réf. ${problem.requestId})` : message;
}
