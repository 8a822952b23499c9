import type { Routes } from '@angular/router';
import { requirePermission } from '../../core/auth/permission.guard';

/** CRM screens, under a tab bar of its sections (companies, contacts, segments, duplicates, import). */
export const crmRoutes: Routes = [
  {
    path: '',
    loadComponent: () => import('./crm-layout').then((m) => m.CrmLayout),
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'companies' },
      {
        path: 'companies',
        data: { breadcrumb: $localize`:@@crm.companies:Entreprises` },
        canActivate: [requirePermission('crm.organizations.read')],
        children: [
          { path: '', title: $localize`:@@crm.companies:Entreprises`, loadComponent: () => import('./companies/company-list').then((m) => m.CompanyList) },
          {
            path: 'new',
            title: $localize`:@@crm.companyCreate:Nouvelle entreprise`,
            data: { breadcrumb: $localize`:@@crm.companyCreate:Nouvelle entreprise` },
            canActivate: [requirePermission('crm.organizations.write')],
            loadComponent: () => import('./companies/company-form').then((m) => m.CompanyForm),
          },
          {
            path: ':id',
            data: { breadcrumb: $localize`:@@crm.companyDetail:Fiche entreprise` },
            children: [
              { path: '', title: $localize`:@@crm.companyDetail:Fiche entreprise`, loadComponent: () => import('./companies/company-detail').then((m) => m.CompanyDetail) },
              {
                path: 'edit',
                title: $localize`:@@crm.companyEdit:Modifier l'entreprise`,
                data: { breadcrumb: $localize`:@@crm.edit:Modifier` },
                canActivate: [requirePermission('crm.organizations.write')],
                loadComponent: () => import('./companies/company-form').then((m) => m.CompanyForm),
              },
            ],
          },
        ],
      },
      {
        path: 'persons',
        data: { breadcrumb: $localize`:@@crm.persons:Contacts` },
        canActivate: [requirePermission('crm.persons.read')],
        children: [
          { path: '', title: $localize`:@@crm.persons:Contacts`, loadComponent: () => import('./persons/person-list').then((m) => m.PersonList) },
          {
            path: ':id',
            title: $localize`:@@crm.personDetail:Fiche contact`,
            data: { breadcrumb: $localize`:@@crm.personDetail:Fiche contact` },
            loadComponent: () => import('./persons/person-detail').then((m) => m.PersonDetail),
          },
        ],
      },
      {
        path: 'segments',
        title: $localize`:@@segments.title:Segments`,
        data: { breadcrumb: $localize`:@@segments.title:Segments` },
        canActivate: [requirePermission('crm.segments.read')],
        loadComponent: () => import('./segments/segment-list').then((m) => m.SegmentList),
      },
      {
        path: 'duplicates',
        title: $localize`:@@dup.title:Doublons probables`,
        data: { breadcrumb: $localize`:@@dup.title:Doublons probables` },
        canActivate: [requirePermission('crm.merge')],
        loadComponent: () => import('./duplicates/duplicates').then((m) => m.Duplicates),
      },
      {
        path: 'imports',
        title: $localize`:@@import.title:Importer des entreprises et contacts`,
        data: { breadcrumb: $localize`:@@crm.imports:Import` },
        canActivate: [requirePermission('crm.imports.write')],
        loadComponent: () => import('./imports/import-page').then((m) => m.ImportPage),
      },
    ],
  },
];
