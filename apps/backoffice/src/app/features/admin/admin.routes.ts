import type { Routes } from '@angular/router';
import { requirePermission } from '../../core/auth/permission.guard';

export const adminRoutes: Routes = [
  {
    path: '',
    title: $localize`:@@nav.admin:Administration`,
    loadComponent: () => import('./admin-home').then((m) => m.AdminHome),
  },
  {
    path: 'users',
    data: { breadcrumb: $localize`:@@admin.users:Utilisateurs` },
    canActivate: [requirePermission('identity.users.read')],
    children: [
      { path: '', title: $localize`:@@admin.users:Utilisateurs`, loadComponent: () => import('./users/users-list').then((m) => m.UsersList) },
      {
        path: ':id',
        title: $localize`:@@users.detail:Fiche utilisateur`,
        data: { breadcrumb: $localize`:@@users.detail:Fiche utilisateur` },
        loadComponent: () => import('./users/user-detail').then((m) => m.UserDetail),
      },
    ],
  },
  {
    path: 'entities',
    title: $localize`:@@admin.entities:Réseau`,
    data: { breadcrumb: $localize`:@@admin.entities:Réseau` },
    canActivate: [requirePermission('entities.read')],
    loadComponent: () => import('./entities/entities').then((m) => m.Entities),
  },
  {
    path: 'roles',
    title: $localize`:@@admin.roles:Rôles et habilitations`,
    data: { breadcrumb: $localize`:@@admin.roles:Rôles et habilitations` },
    canActivate: [requirePermission('identity.grants.manage')],
    loadComponent: () => import('./roles/roles').then((m) => m.Roles),
  },
  {
    path: 'tokens',
    title: $localize`:@@admin.tokens:Jetons d'accès`,
    data: { breadcrumb: $localize`:@@admin.tokens:Jetons d'accès` },
    loadComponent: () => import('./tokens/tokens').then((m) => m.Tokens),
  },
  {
    path: 'flags',
    title: $localize`:@@admin.flags:Fonctionnalités`,
    data: { breadcrumb: $localize`:@@admin.flags:Fonctionnalités` },
    canActivate: [requirePermission('platform.flags.manage')],
    loadComponent: () => import('./flags/feature-flags').then((m) => m.FeatureFlags),
  },
  {
    path: 'audit',
    title: $localize`:@@admin.audit:Journal d'audit`,
    data: { breadcrumb: $localize`:@@admin.audit:Journal d'audit` },
    canActivate: [requirePermission('audit.read')],
    loadComponent: () => import('./audit/audit-events').then((m) => m.AuditEvents),
  },
  {
    path: 'jobs',
    title: $localize`:@@admin.jobs:Tâches de fond`,
    data: { breadcrumb: $localize`:@@admin.jobs:Tâches de fond` },
    canActivate: [requirePermission('platform.jobs.manage')],
    loadComponent: () => import('./jobs/jobs').then((m) => m.Jobs),
  },
];
