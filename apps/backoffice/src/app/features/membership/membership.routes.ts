import type { Routes } from '@angular/router';
import { requirePermission } from '../../core/auth/permission.guard';

const READ = 'membership.memberships.read';
const INVOICES = 'membership.invoices.read';
const OUTBOX = 'mail.outbox.read';

/** Memberships, dues schedules, renewal campaigns, invoices and payments, SEPA debits, FEC export, sent mail. */
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
      {
        path: 'sepa-mandates',
        data: { breadcrumb: $localize`:@@sepa.mandates:Mandats SEPA` },
        canActivate: [requirePermission(INVOICES)],
        children: [
          { path: '', title: $localize`:@@sepa.mandates:Mandats SEPA`, loadComponent: () => import('./sepa/mandate-list').then((m) => m.MandateList) },
          {
            path: ':id',
            title: $localize`:@@sepa.mandate:Mandat SEPA`,
            data: { breadcrumb: $localize`:@@sepa.mandate:Mandat SEPA` },
            loadComponent: () => import('./sepa/mandate-detail').then((m) => m.MandateDetail),
          },
        ],
      },
      {
        path: 'sepa-batches',
        data: { breadcrumb: $localize`:@@sepa.batches:Prélèvements` },
        canActivate: [requirePermission(INVOICES)],
        children: [
          { path: '', title: $localize`:@@sepa.batches:Prélèvements`, loadComponent: () => import('./sepa/batch-list').then((m) => m.BatchList) },
          {
            path: ':id',
            title: $localize`:@@sepa.batch:Remise de prélèvements`,
            data: { breadcrumb: $localize`:@@sepa.batch:Remise de prélèvements` },
            loadComponent: () => import('./sepa/batch-detail').then((m) => m.BatchDetail),
          },
        ],
      },
      {
        path: 'fec',
        title: $localize`:@@fec.title:Export FEC`,
        data: { breadcrumb: $localize`:@@fec.title:Export FEC` },
        canActivate: [requirePermission(INVOICES)],
        loadComponent: () => import('./accounting/fec-export').then((m) => m.FecExport),
      },
      {
        path: 'outbox',
        data: { breadcrumb: $localize`:@@mail.title:Courriels envoyés` },
        canActivate: [requirePermission(OUTBOX)],
        children: [
          { path: '', title: $localize`:@@mail.title:Courriels envoyés`, loadComponent: () => import('./mail/outbox-list').then((m) => m.OutboxList) },
          {
            path: ':id',
            title: $localize`:@@mail.message:Courriel`,
            data: { breadcrumb: $localize`:@@mail.message:Courriel` },
            loadComponent: () => import('./mail/outbox-detail').then((m) => m.OutboxDetail),
          },
        ],
      },
    ],
  },
];
