import type { Routes } from '@angular/router';
import { requirePermission } from '../../core/auth/permission.guard';

/** The AI assistant: ask a question, knowledge collections, interactions journal. */
export const assistantRoutes: Routes = [
  {
    path: '',
    loadComponent: () => import('./assistant-layout').then((m) => m.AssistantLayout),
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'ask' },
      {
        path: 'ask',
        title: $localize`:@@ai.ask:Poser une question`,
        data: { breadcrumb: $localize`:@@ai.ask:Poser une question` },
        canActivate: [requirePermission('ai.ask')],
        loadComponent: () => import('./ask/ask-page').then((m) => m.AskPage),
      },
      {
        path: 'collections',
        data: { breadcrumb: $localize`:@@ai.collections:Collections` },
        canActivate: [requirePermission('ai.knowledge.read')],
        children: [
          { path: '', title: $localize`:@@ai.collections:Collections`, loadComponent: () => import('./collections/collection-list').then((m) => m.CollectionList) },
          {
            path: ':id',
            title: $localize`:@@ai.collection:Collection`,
            data: { breadcrumb: $localize`:@@ai.collection:Collection` },
            loadComponent: () => import('./collections/collection-documents').then((m) => m.CollectionDocuments),
          },
        ],
      },
      {
        path: 'journal',
        title: $localize`:@@ai.journal:Journal`,
        data: { breadcrumb: $localize`:@@ai.journal:Journal` },
        canActivate: [requirePermission('ai.audit.read')],
        loadComponent: () => import('./journal/interaction-journal').then((m) => m.InteractionJournal),
      },
    ],
  },
];
