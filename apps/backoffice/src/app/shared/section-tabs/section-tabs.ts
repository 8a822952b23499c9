import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatTabLink, MatTabNav, MatTabNavPanel } from '@angular/material/tabs';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { Session } from '../../core/auth/session';
import { FeatureFlags } from '../../core/flags/feature-flags';

export interface Section {
  path: string;
  label: string;
  /** Shown only to users holding this permission. */
  permission: string;
  /** A feature flag that can switch the section off (on when the flag does not exist). */
  flag?: string;
}

/**
 * A module's sections as tabs above its pages (links, so each section has its own URL), limited to
 * what the user may open. Module layouts give it their sections.
 */
@Component({
  selector: 'mx-section-tabs',
  imports: [MatTabNav, MatTabLink, MatTabNavPanel, RouterLink, RouterLinkActive, RouterOutlet],
  template: `
    <nav mat-tab-nav-bar mat-stretch-tabs="false" [tabPanel]="panel" [attr.aria-label]="label()">
      @for (section of visible(); track section.path) {
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
export class SectionTabs {
  private readonly session = inject(Session);
  private readonly flags = inject(FeatureFlags);
  readonly sections = input.required<readonly Section[]>();
  /** Accessible name of the tab bar, e.g. « Sections du CRM ». */
  readonly label = input.required<string>();
  protected readonly visible = computed(() => {
    const permissions = this.session.me()?.permissions ?? [];
    return this.sections().filter((section) => permissions.includes(section.permission) && (!section.flag || this.flags.isOn(section.flag, true)));
  });
}
