import type { Routes } from '@angular/router';
import { requireNoSession, requireSession } from './core/auth/auth.guard';
import { requireOwnPassword, requirePasswordChangeDue } from './core/auth/password-change.guard';

export const routes: Routes = [
  {
    path: 'sign-in',
    title: $localize`:@@title.signIn:Connexion`,
    canMatch: [requireNoSession],
    loadComponent: () => import('./features/sign-in/sign-in').then((m) => m.SignIn),
  },
  {
    path: 'change-password',
    title: $localize`:@@password.forcedTitle:Choisissez votre mot de passe`,
    canActivate: [requirePasswordChangeDue],
    loadComponent: () => import('./features/account/forced-password-change').then((m) => m.ForcedPasswordChange),
  },
  {
    path: '',
    canActivate: [requireSession, requireOwnPassword],
    loadComponent: () => import('./layout/shell').then((m) => m.Shell),
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'dashboard' },
      {
        path: 'dashboard',
        title: $localize`:@@title.dashboard:Tableau de bord`,
        data: { breadcrumb: $localize`:@@nav.dashboard:Tableau de bord` },
        loadComponent: () => import('./features/dashboard/dashboard').then((m) => m.Dashboard),
      },
      {
        path: 'crm',
        data: { breadcrumb: $localize`:@@nav.crm:CRM` },
        loadChildren: () => import('./features/crm/crm.routes').then((m) => m.crmRoutes),
      },
      {
        path: 'cms',
        data: { breadcrumb: $localize`:@@nav.cms:Sites` },
        loadChildren: () => import('./features/cms/cms.routes').then((m) => m.cmsRoutes),
      },
      {
        path: 'memberships',
        data: { breadcrumb: $localize`:@@nav.memberships:Adhésions` },
        loadChildren: () => import('./features/membership/membership.routes').then((m) => m.membershipRoutes),
      },
      {
        path: 'events',
        data: { breadcrumb: $localize`:@@nav.events:Événements` },
        loadChildren: () => import('./features/events/events.routes').then((m) => m.eventRoutes),
      },
      {
        path: 'mandates',
        data: { breadcrumb: $localize`:@@nav.mandates:Mandats` },
        loadChildren: () => import('./features/mandates/mandates.routes').then((m) => m.mandateRoutes),
      },
      {
        path: 'tasks',
        data: { breadcrumb: $localize`:@@nav.tasks:Tâches` },
        loadChildren: () => import('./features/tasks/tasks.routes').then((m) => m.taskRoutes),
      },
      {
        path: 'assistant',
        data: { breadcrumb: $localize`:@@nav.assistant:Assistant IA` },
        loadChildren: () => import('./features/assistant/assistant.routes').then((m) => m.assistantRoutes),
      },
      {
        path: 'account',
        title: $localize`:@@account.title:Mon compte`,
        data: { breadcrumb: $localize`:@@account.title:Mon compte` },
        loadComponent: () => import('./features/account/account').then((m) => m.Account),
      },
      {
        path: 'admin',
        data: { breadcrumb: $localize`:@@nav.admin:Administration` },
        loadChildren: () => import('./features/admin/admin.routes').then((m) => m.adminRoutes),
      },
      {
        path: '**',
        title: $localize`:@@title.notFound:Page introuvable`,
        loadComponent: () => import('./features/not-found/not-found').then((m) => m.NotFound),
      },
    ],
  },
];
