import { inject } from '@angular/core';
import type { CanDeactivateFn } from '@angular/router';
import { Confirm } from '../../../shared/confirm/confirm-dialog';

export interface HasUnsavedChanges {
  hasUnsavedChanges(): boolean;
}

/** Asks before leaving an editor whose text or fields were changed but not saved. */
export const confirmUnsavedChanges: CanDeactivateFn<HasUnsavedChanges> = (component) => {
  if (!component.hasUnsavedChanges()) return true;
  return inject(Confirm).ask({
    title: $localize`:@@cms.leaveTitle:Quitter sans enregistrer ?`,
    message: $localize`:@@cms.leaveMessage:Vos modifications non enregistrées seront perdues.`,
    confirmLabel: $localize`:@@cms.leave:Quitter sans enregistrer`,
    destructive: true,
  });
};
