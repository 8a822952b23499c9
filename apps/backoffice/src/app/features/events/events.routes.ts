import type { Routes } from '@angular/router';
import { requirePermission } from '../../core/auth/permission.guard';

/** Events of the branch, and one event with its registrations (create and edit are dialogs). */
export const eventRoutes: Routes = [
  {
    path: '',
    canActivate: [requirePermission('events.read')],
    children: [
      { path: '', title: $localize`:@@nav.events:Événements`, loadComponent: () => import('./event-list').then((m) => m.EventList) },
      {
        path: ':id',
        title: $localize`:@@ev.detail:Événement`,
        data: { breadcrumb: $localize`:@@ev.detail:Événement` },
        loadComponent: () => import('./event-detail').then((m) => m.EventDetailPage),
      },
    ],
  },
];
