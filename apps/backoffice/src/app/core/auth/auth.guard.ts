import { inject } from '@angular/core';
import { Router, type CanActivateFn, type CanMatchFn } from '@angular/router';
import { Session } from './session';

/** Signed-out users go to sign-in, carrying where they wanted to go. */
export const requireSession: CanActivateFn = (_route, state) => {
  const session = inject(Session);
  if (session.state() === 'signed-in') return true;
  return inject(Router).createUrlTree(['/sign-in'], { queryParams: { returnUrl: state.url } });
};

/** The sign-in page is pointless once signed in. */
export const requireNoSession: CanMatchFn = () => {
  const session = inject(Session);
  return session.state() === 'signed-in' ? inject(Router).createUrlTree(['/dashboard']) : true;
};

/** Only local paths: a returnUrl must never send a user to another site after sign-in. */
export function safeReturnUrl(raw: string | null | undefined): string {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return '/dashboard';
  return raw;
}
