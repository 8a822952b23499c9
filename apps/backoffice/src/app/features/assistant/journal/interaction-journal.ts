import { formatDate } from '@angular/common';
import { ChangeDetectionStrategy, Component, LOCALE_ID, computed, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { Api } from '../../../core/api/api';
import type { QueryOf } from '../../../core/api/api-types';
import { BranchScope } from '../../../core/scope/branch-scope';
import { DataTable, type PageFetcher, type TableColumn, type TableFilter } from '../../../shared/data-table/data-table';
import { dateRangeFilters } from '../../../shared/data-table/date-range-filters';
import { dayBoundsToInstants } from '../../../shared/data-table/table-query';
import { ANSWER_STATUS_LABELS, FEEDBACK_LABELS, type Interaction } from '../assistant-labels';
import { InteractionDialog, type InteractionDialogData } from './interaction-dialog';

const PATH = '/api/v1/ai/interactions';

/** The interactions journal: who asked what and when, with what outcome; each row opens its detail. */
@Component({
  selector: 'mx-interaction-journal',
  imports: [DataTable, MatButton],
  template: `
    <section class="page">
      <div class="page-header">
        <h1 i18n="@@ai.journalTitle">Journal de l'assistant</h1>
        <span class="muted">{{ scope.label() }}</span>
      </div>
      <mx-data-table
        i18n-caption="@@ai.journalCaption"
        caption="Questions posées à l'assistant"
        [columns]="columns"
        [filters]="filters"
        [fetchPage]="fetchPage"
        [scopeQuery]="scopeQuery()"
        defaultSort="-createdAt"
        [csvPath]="path"
        csvFilename="journal-assistant.csv"
        i18n-emptyText="@@ai.journalEmpty"
        emptyText="Aucune question ne correspond à ces critères."
      >
        <ng-template #rowActions let-interaction>
          <button mat-button type="button" (click)="open(interaction)" [attr.aria-label]="detailsLabel(interaction)" i18n="@@ai.details">Détails</button>
        </ng-template>
      </mx-data-table>
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InteractionJournal {
  private readonly api = inject(Api);
  private readonly dialog = inject(MatDialog);
  private readonly locale = inject(LOCALE_ID);
  protected readonly scope = inject(BranchScope);
  protected readonly path = PATH;
  private readonly entityNames = computed(() => new Map(this.scope.entities().map((e) => [e.id, e.name])));

  /** Interactions are filed under the entity the asker acted for. */
  protected readonly scopeQuery = computed<Record<string, string>>(() => {
    const entityId = this.scope.entityId();
    const query: Record<string, string> = {};
    if (entityId) query['filter[entityId]'] = entityId;
    return query;
  });

  protected readonly columns: ReadonlyArray<TableColumn<Interaction>> = [
    { key: 'createdAt', label: $localize`:@@ai.when:Date`, sortable: true, cell: (i) => formatDate(i.createdAt, 'dd/MM/yyyy HH:mm:ss', this.locale) },
    { key: 'asker', label: $localize`:@@ai.asker:Posée par`, cell: (i) => this.askerOf(i) },
    { key: 'entity', label: $localize`:@@ai.entity:Structure`, cell: (i) => this.entityNames().get(i.entityId) ?? '—' },
    { key: 'question', label: $localize`:@@ai.questionColumn:Question`, cell: (i) => i.question },
    { key: 'status', label: $localize`:@@ai.outcome:Résultat`, cell: (i) => ANSWER_STATUS_LABELS[i.status] ?? i.status },
    { key: 'sources', label: $localize`:@@ai.citedSources:Sources citées`, cell: (i) => String(citedSources(i)) },
    { key: 'provider', label: $localize`:@@ai.provider:Fournisseur / modèle`, cell: (i) => `${i.provider} / ${i.model}` },
    { key: 'latencyMs', label: $localize`:@@ai.latency:Durée`, cell: (i) => `${i.latencyMs} ms` },
    { key: 'feedback', label: $localize`:@@ai.feedback:Avis`, cell: (i) => (i.feedback ? (FEEDBACK_LABELS[i.feedback.rating] ?? i.feedback.rating) : '—') },
  ];

  protected readonly filters: readonly TableFilter[] = [
    { key: 'filter[status]', label: $localize`:@@ai.outcome:Résultat`, type: 'select', options: Object.entries(ANSWER_STATUS_LABELS).map(([value, label]) => ({ value, label })) },
    { key: 'filter[provider]', label: $localize`:@@ai.providerFilter:Fournisseur`, type: 'select', options: PROVIDERS },
    ...dateRangeFilters('createdAt'),
  ];

  protected readonly fetchPage: PageFetcher<Interaction> = async (query) => {
    const page = await this.api.unwrap(this.api.client.GET(PATH, { params: { query: dayBoundsToInstants(query, 'createdAt') as QueryOf<typeof PATH> } }));
    // The collection also answers CSV and JSON Lines (exports); the table asks for JSON.
    return page as Exclude<typeof page, string>;
  };

  protected open(interaction: Interaction): void {
    const data: InteractionDialogData = { interaction, asker: this.askerOf(interaction), entity: this.entityNames().get(interaction.entityId) ?? '—' };
    this.dialog.open(InteractionDialog, { data, width: '820px', maxWidth: '95vw' });
  }

  protected detailsLabel(interaction: Interaction): string {
    return $localize`:@@ai.detailsOf:Détails de la question du ${formatDate(interaction.createdAt, 'dd/MM/yyyy HH:mm:ss', this.locale)}:date:`;
  }

  /** The asker's name; an account that no longer exists is named by its id. */
  private askerOf(interaction: Interaction): string {
    return interaction.user?.displayName ?? $localize`:@@ai.user:Utilisateur ${interaction.userId.slice(0, 8)}:id:`;
  }
}

const PROVIDERS = [
  { value: 'extractive', label: $localize`:@@ai.provider.extractive:Extractif (intégré)` },
  { value: 'openai-compatible', label: $localize`:@@ai.provider.openai:Compatible OpenAI` },
];

/** Distinct sources cited by the answer. */
function citedSources(interaction: Interaction): number {
  return new Set(interaction.answer.flatMap((segment) => segment.citations.map((citation) => citation.sourceId))).size;
}
