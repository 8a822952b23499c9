import { ChangeDetectionStrategy, Component } from '@angular/core';
import { SectionTabs, type Section } from '../../shared/section-tabs/section-tabs';

const SECTIONS: readonly Section[] = [
  { path: '/memberships/list', label: $localize`:@@ms.members:Adhérents`, permission: 'membership.memberships.read' },
  { path: '/memberships/dues', label: $localize`:@@ms.dues:Barèmes`, permission: 'membership.memberships.read' },
  { path: '/memberships/campaigns', label: $localize`:@@ms.campaigns:Campagnes de renouvellement`, permission: 'membership.memberships.read' },
  { path: '/memberships/invoices', label: $localize`:@@ms.invoices:Factures`, permission: 'membership.invoices.read' },
  { path: '/memberships/overdue', label: $localize`:@@ms.overdue:Impayés`, permission: 'membership.invoices.read' },
  { path: '/memberships/sepa-mandates', label: $localize`:@@sepa.mandates:Mandats SEPA`, permission: 'membership.invoices.read' },
  { path: '/memberships/sepa-batches', label: $localize`:@@sepa.batches:Prélèvements`, permission: 'membership.invoices.read' },
  { path: '/memberships/fec', label: $localize`:@@fec.title:Export FEC`, permission: 'membership.invoices.read' },
  { path: '/memberships/outbox', label: $localize`:@@mail.title:Courriels envoyés`, permission: 'mail.outbox.read' },
];

/** The membership module's sections as tabs. */
@Component({
  selector: 'mx-membership-layout',
  imports: [SectionTabs],
  template: `<mx-section-tabs [sections]="sections" [label]="label" />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MembershipLayout {
  protected readonly sections = SECTIONS;
  protected readonly label = $localize`:@@ms.sections:Sections des adhésions`;
}
