import type { Routes } from '@angular/router';
import { requirePermission } from '../../core/auth/permission.guard';

const READ = 'mandates.read';

/** Mandates held in public bodies: designations, bodies and their seats, reports. */
export const mandateRoutes: Routes = [
  {
    path: '',
    loadComponent: () => import('./mandates-layout').then((m) => m.MandatesLayout),
    canActivate: [requirePermission(READ)],
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'list' },
      {
        path: 'list',
        data: { breadcrumb: $localize`:@@md.mandates:Mandats` },
        children: [
          { path: '', title: $localize`:@@md.mandates:Mandats`, loadComponent: () => import('./mandates/mandate-list').then((m) => m.MandateList) },
          {
            path: ':id',
            title: $localize`:@@md.mandate:Mandat`,
            data: { breadcrumb: $localize`:@@md.mandate:Mandat` },
            loadComponent: () => import('./mandates/mandate-detail').then((m) => m.MandateDetail),
          },
        ],
      },
      {
        path: 'bodies',
        data: { breadcrumb: $localize`:@@md.bodies:Instances` },
        children: [
          { path: '', title: $localize`:@@md.bodies:Instances`, loadComponent: () => import('./bodies/body-list').then((m) => m.BodyList) },
          {
            path: ':id',
            title: $localize`:@@md.body:Instance`,
            data: { breadcrumb: $localize`:@@md.body:Instance` },
            loadComponent: () => import('./bodies/body-detail').then((m) => m.BodyDetail),
          },
        ],
      },
      {
        path: 'reports',
        title: $localize`:@@md.reports:Rapports`,
        data: { breadcrumb: $localize`:@@md.reports:Rapports` },
        loadComponent: () => import('./reports/mandate-reports').then((m) => m.MandateReports),
      },
    ],
  },
];
