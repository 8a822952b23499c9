import { ChangeDetectionStrategy, Component } from '@angular/core';
import { SectionTabs, type Section } from '../../shared/section-tabs/section-tabs';

const SECTIONS: readonly Section[] = [
  { path: '/crm/companies', label: $localize`:@@crm.companies:Entreprises`, permission: 'crm.organizations.read' },
  { path: '/crm/persons', label: $localize`:@@crm.persons:Contacts`, permission: 'crm.persons.read' },
  { path: '/crm/segments', label: $localize`:@@segments.title:Segments`, permission: 'crm.segments.read', flag: 'crm.segments' },
  { path: '/crm/duplicates', label: $localize`:@@crm.duplicates:Doublons`, permission: 'crm.merge', flag: 'crm.duplicates' },
  { path: '/crm/imports', label: $localize`:@@crm.imports:Import`, permission: 'crm.imports.write' },
];

/** The CRM module's sections as tabs. */
@Component({
  selector: 'mx-crm-layout',
  imports: [SectionTabs],
  template: `<mx-section-tabs [sections]="sections" [label]="label" />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CrmLayout {
  protected readonly sections = SECTIONS;
  protected readonly label = $localize`:@@crm.sections:Sections du CRM`;
}
