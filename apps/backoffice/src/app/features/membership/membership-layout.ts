import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatTabLink, MatTabNav, MatTabNavPanel } from '@angular/material/tabs';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { Session } from '../../core/auth/session';

const SECTIONS = [
  { path: '/memberships/list', label: $localize`:@@ms.members:Adhérents`, permission: 'membership.memberships.read' },
  { path: '/memberships/dues', label: $localize`:@@ms.dues:Barèmes`, permission: 'membership.memberships.read' },
  { path: '/memberships/campaigns', label: $localize`:@@ms.campaigns:Campagnes de renouvellement`, permission: 'membership.memberships.read' },
  { path: '/memberships/invoices', label: $localize`:@@ms.invoices:Factures`, permission: 'membership.invoices.read' },
  { path: '/memberships/overdue', label: $localize`:@@ms.overdue:Impayés`, permission: 'membership.invoices.read' },
] as const;

/** The membership module's sections as tabs (links, so each has its own URL). */
@Component({
  selector: 'mx-membership-layout',
  imports: [MatTabNav, MatTabLink, MatTabNavPanel, RouterLink, RouterLinkActive, RouterOutlet],
  template: `
    <nav mat-tab-nav-bar mat-stretch-tabs="false" [tabPanel]="panel" i18n-aria-label="@@ms.sections" aria-label="Sections des adhésions">
      @for (section of sections(); track section.path) {
        <a mat-tab-link [routerLink]="section.path" routerLinkActive #active="routerLinkActive" [active]="active.isActive">{{ section.label }}</a>
      }
    </nav>
    <mat-tab-nav-panel #panel>
      <router-outlet />
    </mat-tab-nav-panel>
  `,
  styles: `nav { padding: 0 24px; }`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MembershipLayout {
  private readonly session = inject(Session);
  protected readonly sections = computed(() => {
    const permissions = this.session.me()?.permissions ?? [];
    return SECTIONS.filter((section) => permissions.includes(section.permission));
  });
}
