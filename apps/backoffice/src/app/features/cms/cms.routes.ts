import type { Routes } from '@angular/router';
import { requirePermission } from '../../core/auth/permission.guard';
import { confirmUnsavedChanges } from './editor/unsaved-changes.guard';

/** CMS screens (lazy: Tiptap lands in this chunk only). The module lives at /cms: /sites/* is the public delivery. */
export const cmsRoutes: Routes = [
  {
    path: '',
    canActivate: [requirePermission('cms.content.read')],
    children: [
      { path: '', title: $localize`:@@cms.contents:Contenus des sites`, loadComponent: () => import('./contents/content-list').then((m) => m.ContentList) },
      {
        path: 'inbox',
        title: $localize`:@@cms.inboxTitle:Articles proposés par le réseau`,
        data: { breadcrumb: $localize`:@@cms.inbox:Syndication reçue` },
        loadComponent: () => import('./syndication/syndication-inbox').then((m) => m.SyndicationInbox),
      },
      {
        path: 'media',
        title: $localize`:@@media.title:Médiathèque`,
        data: { breadcrumb: $localize`:@@media.title:Médiathèque` },
        canActivate: [requirePermission('media.read')],
        loadComponent: () => import('./media/media-library').then((m) => m.MediaLibrary),
      },
      {
        path: 'sites/:siteId/new/:kind',
        title: $localize`:@@cms.newContent:Nouveau contenu`,
        data: { breadcrumb: $localize`:@@cms.newContent:Nouveau contenu` },
        canActivate: [requirePermission('cms.content.edit')],
        canDeactivate: [confirmUnsavedChanges],
        loadComponent: () => import('./editor/content-editor').then((m) => m.ContentEditor),
      },
      {
        path: 'sites/:siteId',
        title: $localize`:@@cms.siteAdminTitle:Administration du site`,
        data: { breadcrumb: $localize`:@@cms.siteAdminTitle:Administration du site` },
        canActivate: [requirePermission('cms.content.edit')],
        loadComponent: () => import('./sites/site-admin').then((m) => m.SiteAdmin),
        children: [
          { path: '', pathMatch: 'full', redirectTo: 'categories' },
          {
            path: 'settings',
            title: $localize`:@@cms.siteSettingsTitle:Réglages du site`,
            canActivate: [requirePermission('cms.sites.manage')],
            loadComponent: () => import('./sites/site-settings').then((m) => m.SiteSettings),
          },
          {
            path: 'menus',
            title: $localize`:@@cms.menusTitle:Menus du site`,
            canActivate: [requirePermission('cms.sites.manage')],
            loadComponent: () => import('./sites/site-menus').then((m) => m.SiteMenusEditor),
          },
          { path: 'categories', title: $localize`:@@cms.categoriesTitle:Catégories du site`, loadComponent: () => import('./sites/site-categories').then((m) => m.SiteCategories) },
          { path: 'pages', title: $localize`:@@cms.pagesTitle:Arborescence des pages`, loadComponent: () => import('./sites/site-pages').then((m) => m.SitePages) },
        ],
      },
      {
        path: 'contents/:id',
        data: { breadcrumb: $localize`:@@cms.editor:Éditeur` },
        children: [
          {
            path: '',
            title: $localize`:@@cms.editor:Éditeur`,
            canDeactivate: [confirmUnsavedChanges],
            loadComponent: () => import('./editor/content-editor').then((m) => m.ContentEditor),
          },
          {
            path: 'history',
            title: $localize`:@@cms.history:Historique des versions`,
            data: { breadcrumb: $localize`:@@cms.history:Historique des versions` },
            loadComponent: () => import('./revisions/revision-history').then((m) => m.RevisionHistory),
          },
        ],
      },
    ],
  },
];
