import { registerLocaleData } from '@angular/common';
import localeFr from '@angular/common/locales/fr';
import {
  type ApplicationConfig,
  LOCALE_ID,
  inject,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { MAT_DATE_LOCALE } from '@angular/material/core';
import { MAT_DIALOG_DEFAULT_OPTIONS, MatDialogConfig } from '@angular/material/dialog';
import { provideRouter, withComponentInputBinding, withRouterConfig } from '@angular/router';
import { routes } from './app.routes';
import { Session } from './core/auth/session';
import { provideIcons } from './core/icons/icons';
import { Theme } from './core/theme/theme';

registerLocaleData(localeFr);

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideRouter(routes, withComponentInputBinding(), withRouterConfig({ paramsInheritanceStrategy: 'always' })),
    { provide: LOCALE_ID, useValue: 'fr' },
    { provide: MAT_DATE_LOCALE, useValue: 'fr-FR' },
    { provide: MAT_DIALOG_DEFAULT_OPTIONS, useValue: dialogDefaults() },
    provideIcons(),
    // The session is known before the first route guard runs; the theme applies before first paint.
    provideAppInitializer(() => {
      inject(Theme);
      return inject(Session).restore();
    }),
  ],
};

/**
 * A dialog takes focus as soon as it is shown, not once its opening animation ends (Material's
 * default): the late move sent whatever was being typed in a second field into the first one.
 */
function dialogDefaults(): MatDialogConfig {
  const config = new MatDialogConfig();
  config.delayFocusTrap = false;
  return config;
}
