import { ChangeDetectionStrategy, Component } from '@angular/core';
import { SectionTabs, type Section } from '../../shared/section-tabs/section-tabs';

const SECTIONS: readonly Section[] = [
  { path: '/assistant/ask', label: $localize`:@@ai.ask:Poser une question`, permission: 'ai.ask' },
  { path: '/assistant/collections', label: $localize`:@@ai.collections:Collections`, permission: 'ai.knowledge.read' },
  { path: '/assistant/journal', label: $localize`:@@ai.journal:Journal`, permission: 'ai.audit.read' },
];

/** The assistant's sections as tabs. */
@Component({
  selector: 'mx-assistant-layout',
  imports: [SectionTabs],
  template: `<mx-section-tabs [sections]="sections" [label]="label" />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AssistantLayout {
  protected readonly sections = SECTIONS;
  protected readonly label = $localize`:@@ai.sections:Sections de l'assistant`;
}
