import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatTabLink, MatTabNav, MatTabNavPanel } from '@angular/material/tabs';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { Session } from '../../core/auth/session';
import { FeatureFlags } from '../../core/flags/feature-flags';

interface CrmSection {
  path: string;
  label: string;
  permission: string;
  /** A feature flag that can switch the section off (on when the flag does not exist). */
  flag?: string;
}

const SECTIONS: readonly CrmSection[] = [
  { path: '/crm/companies', label: $localize`:@@crm.companies:Entreprises`, permission: 'crm.organizations.read' },
  { path: '/crm/persons', label: $localize`:@@crm.persons:Contacts`, permission: 'crm.persons.read' },
  { path: '/crm/segments', label: $localize`:@@segments.title:Segments`, permission: 'crm.segments.read', flag: 'crm.segments' },
  { path: '/crm/duplicates', label: $localize`:@@crm.duplicates:Doublons`, permission: 'crm.merge', flag: 'crm.duplicates' },
  { path: '/crm/imports', label: $localize`:@@crm.imports:Import`, permission: 'crm.imports.write' },
];

/** The CRM module's sections as tabs (links, so each section has its own URL). */
@Component({
  selector: 'mx-crm-layout',
  imports: [MatTabNav, MatTabLink, MatTabNavPanel, RouterLink, RouterLinkActive, RouterOutlet],
  template: `
    <nav mat-tab-nav-bar mat-stretch-tabs="false" [tabPanel]="panel" i18n-aria-label="@@crm.sections" aria-label="Sections du CRM">
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
export class CrmLayout {
  private readonly session = inject(Session);
  private readonly flags = inject(FeatureFlags);
  protected readonly sections = computed(() => {
    const permissions = this.session.me()?.permissions ?? [];
    return SECTIONS.filter((section) => permissions.includes(section.permission) && (!section.flag || this.flags.isOn(section.flag, true)));
  });
}
