import { ChangeDetectionStrategy, Component } from '@angular/core';
import { SectionTabs, type Section } from '../../shared/section-tabs/section-tabs';

const SECTIONS: readonly Section[] = [
  { path: '/mandates/list', label: $localize`:@@md.mandates:Mandats`, permission: 'mandates.read' },
  { path: '/mandates/bodies', label: $localize`:@@md.bodies:Instances`, permission: 'mandates.read' },
  { path: '/mandates/reports', label: $localize`:@@md.reports:Rapports`, permission: 'mandates.read' },
];

/** The mandates module's sections as tabs. */
@Component({
  selector: 'mx-mandates-layout',
  imports: [SectionTabs],
  template: `<mx-section-tabs [sections]="sections" [label]="label" />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MandatesLayout {
  protected readonly sections = SECTIONS;
  protected readonly label = $localize`:@@md.sections:Sections des mandats`;
}
