import type { Routes } from '@angular/router';
import { requirePermission } from '../../core/auth/permission.guard';

/** Follow-up tasks raised by other modules (mandate expiry, renewal reminders). */
export const taskRoutes: Routes = [
  {
    path: '',
    title: $localize`:@@tasks.title:Tâches`,
    canActivate: [requirePermission('tasks.read')],
    loadComponent: () => import('./task-list').then((m) => m.TaskList),
  },
];
