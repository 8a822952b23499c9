import { formatDate } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, LOCALE_ID, computed, effect, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { ActivatedRoute, Router } from '@angular/router';
import { map } from 'rxjs';
import { Api } from '../../../core/api/api';
import { Confirm } from '../../../shared/confirm/confirm-dialog';
import { DataTable, type PageFetcher, type TableColumn, type TableFilter } from '../../../shared/data-table/data-table';
import { Toaster } from '../../../shared/toast/toaster';
import { DOCUMENT_STATUS_LABELS, VISIBILITY_LABELS, type Collection, type KnowledgeDocument } from '../assistant-labels';
import { CollectionActions } from './collection-actions';
import { DocumentAddDialog, type UploadResult } from './document-add-dialog';

/** While documents wait for their indexing job, the list refreshes this often. */
const POLL_MS = 2000;

interface StatusCounts {
  pending: number;
  indexed: number;
  failed: number;
}

/** One collection's documents with their indexing status; add, re-index or delete a document; edit or delete the collection. */
@Component({
  selector: 'mx-collection-documents',
  imports: [DataTable, MatButton],
  template: `
    <section class="page">
      <div class="page-header">
        <h1>{{ collection()?.name ?? collectionLabel }}</h1>
        @if (canManage()) {
          <button mat-stroked-button type="button" (click)="edit()" [disabled]="!collection()" i18n="@@ai.edit">Modifier</button>
          <button mat-stroked-button type="button" (click)="removeCollection()" [disabled]="!collection() || busy()" i18n="@@ai.deleteCollection">Supprimer la collection</button>
          <button mat-stroked-button type="button" (click)="reindexAll()" [disabled]="!collection() || busy()" i18n="@@ai.reindexAll">Réindexer la collection</button>
          <button mat-flat-button type="button" (click)="add()" [disabled]="!collection()" i18n="@@ai.addDocument">Ajouter un document</button>
        }
      </div>
      @if (collection(); as current) {
        <p class="muted">
          {{ current.description }}
          <ng-container i18n="@@ai.collectionVisibility">Visibilité par défaut : {{ visibilityLabels[current.visibility] }}.</ng-container>
        </p>
      }
      @if (counts(); as status) {
        <p role="status" class="counts" data-testid="indexing-status" i18n="@@ai.counts">
          Indexés : {{ status.indexed }} · en cours d'indexation : {{ status.pending }} · en échec : {{ status.failed }}
        </p>
      }
      <mx-data-table
        i18n-caption="@@ai.documents"
        caption="Documents"
        [columns]="columns"
        [filters]="filters"
        [fetchPage]="fetchPage()"
        [refresh]="refresh()"
        [pageSize]="50"
        i18n-emptyText="@@ai.documentsEmpty"
        emptyText="Aucun document ne correspond à ces critères."
      >
        @if (canManage()) {
          <ng-template #rowActions let-document>
            <button mat-button type="button" (click)="reindex(document)" [attr.aria-label]="reindexLabel(document)" i18n="@@ai.reindex">Réindexer</button>
            <button mat-button type="button" (click)="removeDocument(document)" [attr.aria-label]="deleteDocumentLabel(document)" i18n="@@ai.delete">Supprimer</button>
          </ng-template>
        }
      </mx-data-table>
    </section>
  `,
  styles: `.counts { font-weight: 500; }`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CollectionDocuments {
  private readonly api = inject(Api);
  private readonly dialog = inject(MatDialog);
  private readonly toaster = inject(Toaster);
  private readonly locale = inject(LOCALE_ID);
  private readonly router = inject(Router);
  private readonly confirm = inject(Confirm);
  private readonly actions = inject(CollectionActions);
  private readonly id = toSignal(inject(ActivatedRoute).paramMap.pipe(map((params) => params.get('id') ?? '')), { initialValue: '' });

  protected readonly collectionLabel = $localize`:@@ai.collection:Collection`;
  protected readonly visibilityLabels = VISIBILITY_LABELS;
  protected readonly collection = signal<Collection | null>(null);
  protected readonly counts = signal<StatusCounts | null>(null);
  protected readonly refresh = signal(0);
  protected readonly busy = signal(false);
  protected readonly canManage = this.actions.canManage;
  private timer: ReturnType<typeof setTimeout> | undefined;

  protected readonly columns: ReadonlyArray<TableColumn<KnowledgeDocument>> = [
    { key: 'title', label: $localize`:@@ai.docTitle:Titre`, cell: (d) => d.title },
    { key: 'status', label: $localize`:@@ai.indexing:Indexation`, cell: (d) => (d.status === 'failed' && d.error ? `${DOCUMENT_STATUS_LABELS['failed']} : ${d.error}` : (DOCUMENT_STATUS_LABELS[d.status] ?? d.status)) },
    { key: 'chunkCount', label: $localize`:@@ai.chunks:Passages`, cell: (d) => String(d.chunkCount) },
    { key: 'visibility', label: $localize`:@@ai.visibility:Visibilité`, cell: (d) => VISIBILITY_LABELS[d.visibility] ?? d.visibility },
    { key: 'source', label: $localize`:@@ai.fileName:Fichier`, cell: (d) => d.fileName ?? '—' },
    { key: 'indexedAt', label: $localize`:@@ai.indexedAt:Indexé le`, cell: (d) => (d.indexedAt ? formatDate(d.indexedAt, 'dd/MM/yyyy HH:mm', this.locale) : '—') },
  ];

  protected readonly filters: readonly TableFilter[] = [
    { key: 'status', label: $localize`:@@ai.indexing:Indexation`, type: 'select', options: Object.entries(DOCUMENT_STATUS_LABELS).map(([value, label]) => ({ value, label })) },
  ];

  /** The documents API pages with `after` (the last id) rather than the table's `cursor`. */
  protected readonly fetchPage = computed<PageFetcher<KnowledgeDocument>>(() => {
    const id = this.id();
    return async (query) => {
      const status = query['status'] as KnowledgeDocument['status'] | undefined;
      const page = await this.api.unwrap(
        this.api.client.GET('/api/v1/ai/collections/{id}/documents', {
          params: { path: { id }, query: { limit: Number(query['limit'] ?? 50), ...(status ? { status } : {}), ...(query['cursor'] ? { after: query['cursor'] } : {}) } },
        }),
      );
      this.counts.set(page.counts);
      this.schedulePoll(page.counts.pending > 0);
      return { items: page.items, nextCursor: page.nextCursor };
    };
  });

  constructor() {
    effect(() => void this.loadCollection(this.id()));
    inject(DestroyRef).onDestroy(() => clearTimeout(this.timer));
  }

  protected add(): void {
    const collection = this.collection();
    if (!collection) return;
    this.dialog
      .open<DocumentAddDialog, Collection, UploadResult>(DocumentAddDialog, { data: collection, width: '640px', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((result) => {
        if (!result) return;
        this.toaster.success($localize`:@@ai.added:Document ajouté : ${result.created}:created: nouveau(x), ${result.updated}:updated: mis à jour, ${result.unchanged}:unchanged: inchangé(s). L'indexation est en cours.`);
        this.refresh.update((value) => value + 1);
        void this.loadCollection(collection.id);
      });
  }

  protected async reindexAll(): Promise<void> {
    const collection = this.collection();
    if (!collection) return;
    await this.run(this.api.client.POST('/api/v1/ai/collections/{id}/reindex', { params: { path: { id: collection.id } } }));
  }

  protected async reindex(document: KnowledgeDocument): Promise<void> {
    await this.run(this.api.client.POST('/api/v1/ai/documents/{id}/reindex', { params: { path: { id: document.id } } }));
  }

  protected async edit(): Promise<void> {
    const collection = this.collection();
    const updated = collection ? await this.actions.edit(collection) : null;
    if (updated) {
      this.collection.set(updated);
      // A new visibility applies to the documents too.
      this.refresh.update((value) => value + 1);
    }
  }

  protected async removeCollection(): Promise<void> {
    const collection = this.collection();
    if (collection && (await this.actions.remove(collection))) await this.router.navigate(['/assistant/collections']);
  }

  /** The document and its passages go: the assistant no longer cites it. */
  protected async removeDocument(document: KnowledgeDocument): Promise<void> {
    const confirmed = await this.confirm.ask({
      title: $localize`:@@ai.deleteDocumentTitle:Supprimer le document ?`,
      message: $localize`:@@ai.deleteDocumentMessage:« ${document.title}:title: » et ses passages indexés seront supprimés. L'assistant ne pourra plus le citer.`,
      confirmLabel: $localize`:@@ai.delete:Supprimer`,
      destructive: true,
    });
    if (!confirmed) return;
    this.busy.set(true);
    try {
      await this.api.unwrap(this.api.client.DELETE('/api/v1/ai/documents/{id}', { params: { path: { id: document.id } } }));
      this.toaster.success($localize`:@@ai.documentDeleted:Document « ${document.title}:title: » supprimé.`);
      this.refresh.update((value) => value + 1);
      void this.loadCollection(document.collectionId);
    } catch (failure) {
      this.toaster.error(failure);
    } finally {
      this.busy.set(false);
    }
  }

  protected deleteDocumentLabel(document: KnowledgeDocument): string {
    return $localize`:@@ai.deleteDocumentOf:Supprimer « ${document.title}:title: »`;
  }

  protected reindexLabel(document: KnowledgeDocument): string {
    return $localize`:@@ai.reindexOne:Réindexer « ${document.title}:title: »`;
  }

  private async run(pending: Promise<{ data?: unknown; error?: unknown; response: Response }>): Promise<void> {
    this.busy.set(true);
    try {
      await this.api.unwrap(pending);
      this.toaster.success($localize`:@@ai.reindexQueued:Réindexation lancée.`);
      this.refresh.update((value) => value + 1);
    } catch (failure) {
      this.toaster.error(failure);
    } finally {
      this.busy.set(false);
    }
  }

  private async loadCollection(id: string): Promise<void> {
    if (!id) return;
    try {
      this.collection.set(await this.api.unwrap(this.api.client.GET('/api/v1/ai/collections/{id}', { params: { path: { id } } })));
    } catch (failure) {
      this.toaster.error(failure);
    }
  }

  /** Indexing runs in background jobs: reload until nothing is pending. */
  private schedulePoll(pending: boolean): void {
    clearTimeout(this.timer);
    if (pending) this.timer = setTimeout(() => this.refresh.update((value) => value + 1), POLL_MS);
  }
}
