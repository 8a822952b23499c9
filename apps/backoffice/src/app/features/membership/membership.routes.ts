import type { Routes } from '@angular/router';
import { requirePermission } from '../../core/auth/permission.guard';

const READ = 'membership.memberships.read';
const INVOICES = 'membership.invoices.read';

/** Memberships, dues schedules, renewal campaigns, invoices and payments. */
export const membershipRoutes: Routes = [
  {
    path: '',
    loadComponent: () => import('./membership-layout').then((m) => m.MembershipLayout),
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'list' },
      {
        path: 'list',
        data: { breadcrumb: $localize`:@@ms.members:Adhérents` },
        canActivate: [requirePermission(READ)],
        children: [
          { path: '', title: $localize`:@@ms.members:Adhérents`, loadComponent: () => import('./memberships/membership-list').then((m) => m.MembershipList) },
          {
            path: 'new',
            title: $localize`:@@ms.join:Nouvelle adhésion`,
            data: { breadcrumb: $localize`:@@ms.join:Nouvelle adhésion` },
            canActivate: [requirePermission('membership.memberships.write')],
            loadComponent: () => import('./memberships/membership-join').then((m) => m.MembershipJoin),
          },
          {
            path: ':id',
            title: $localize`:@@ms.detail:Adhésion`,
            data: { breadcrumb: $localize`:@@ms.detail:Adhésion` },
            loadComponent: () => import('./memberships/membership-detail').then((m) => m.MembershipDetailPage),
          },
        ],
      },
      {
        path: 'dues',
        title: $localize`:@@ms.dues:Barèmes`,
        data: { breadcrumb: $localize`:@@ms.dues:Barèmes` },
        canActivate: [requirePermission(READ)],
        loadComponent: () => import('./dues/dues-schedules').then((m) => m.DuesSchedules),
      },
      {
        path: 'campaigns',
        title: $localize`:@@ms.campaigns:Campagnes de renouvellement`,
        data: { breadcrumb: $localize`:@@ms.campaigns:Campagnes de renouvellement` },
        canActivate: [requirePermission(READ)],
        loadComponent: () => import('./campaigns/campaigns-page').then((m) => m.CampaignsPage),
      },
      {
        path: 'invoices',
        data: { breadcrumb: $localize`:@@ms.invoices:Factures` },
        canActivate: [requirePermission(INVOICES)],
        children: [
          { path: '', title: $localize`:@@ms.invoices:Factures`, loadComponent: () => import('./invoices/invoice-list').then((m) => m.InvoiceList) },
          {
            path: ':id',
            title: $localize`:@@ms.invoice:Facture`,
            data: { breadcrumb: $localize`:@@ms.invoice:Facture` },
            loadComponent: () => import('./invoices/invoice-detail').then((m) => m.InvoiceDetail),
          },
        ],
      },
      {
        path: 'overdue',
        title: $localize`:@@ms.overdue:Impayés`,
        data: { breadcrumb: $localize`:@@ms.overdue:Impayés`, overdue: true },
        canActivate: [requirePermission(INVOICES)],
        loadComponent: () => import('./invoices/invoice-list').then((m) => m.InvoiceList),
      },
    ],
  },
];
