import { effect, inject, untracked } from '@angular/core';
import type { FormControl } from '@angular/forms';
import { BranchScope } from './branch-scope';

/**
 * Fills a form's entity field with the branch switcher's default once the session has loaded,
 * unless the user has already chosen. Call it from a constructor (it registers an effect).
 */
export function entityFieldFollowsScope(control: FormControl<string>): void {
  const scope = inject(BranchScope);
  effect(() => {
    const initial = scope.defaultEntityId();
    untracked(() => {
      if (!control.value) control.setValue(initial);
    });
  });
}
