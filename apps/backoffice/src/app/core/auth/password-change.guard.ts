import { inject } from '@angular/core';
import { Router, type CanActivateFn } from '@angular/router';
import { safeReturnUrl } from './auth.guard';
import { Session } from './session';

/**
 * While the account still has an administrator-issued temporary password, every screen of the
 * shell leads to the forced password change first (carrying where the user was going).
 */
export const requireOwnPassword: CanActivateFn = (_route, state) => {
  if (!inject(Session).mustChangePassword()) return true;
  return inject(Router).createUrlTree(['/change-password'], { queryParams: { returnUrl: state.url } });
};

/** The forced change screen only makes sense while the change is due. */
export const requirePasswordChangeDue: CanActivateFn = (route) => {
  const session = inject(Session);
  if (session.state() !== 'signed-in') return inject(Router).createUrlTree(['/sign-in']);
  if (session.mustChangePassword()) return true;
  return inject(Router).parseUrl(safeReturnUrl(route.queryParamMap.get('returnUrl')));
};
