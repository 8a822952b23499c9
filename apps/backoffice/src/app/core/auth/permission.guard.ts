import { inject } from '@angular/core';
import { Router, type CanActivateFn } from '@angular/router';
import { Session } from './session';

/**
 * Hides screens the user may not use anywhere. The server still decides on every call; this only
 * spares users a screen full of 403s.
 */
export function requirePermission(permission: string): CanActivateFn {
  return () => {
    const permissions = inject(Session).me()?.permissions ?? [];
    return permissions.includes(permission) ? true : inject(Router).createUrlTree(['/admin']);
  };
}
