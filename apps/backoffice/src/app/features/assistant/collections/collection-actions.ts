import { Injectable, computed, inject } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { firstValueFrom } from 'rxjs';
import { Api } from '../../../core/api/api';
import { Session } from '../../../core/auth/session';
import { BranchScope } from '../../../core/scope/branch-scope';
import { Confirm } from '../../../shared/confirm/confirm-dialog';
import { Toaster } from '../../../shared/toast/toaster';
import type { Collection } from '../assistant-labels';
import { CollectionFormDialog, type CollectionFormData } from './collection-form-dialog';

/** Create, edit and delete collections: shared by the list and a collection's page. */
@Injectable({ providedIn: 'root' })
export class CollectionActions {
  private readonly api = inject(Api);
  private readonly dialog = inject(MatDialog);
  private readonly confirm = inject(Confirm);
  private readonly toaster = inject(Toaster);
  private readonly session = inject(Session);
  private readonly scope = inject(BranchScope);

  /** The server checks the entity of each collection; this only hides what the user may never do. */
  readonly canManage = computed(() => (this.session.me()?.permissions ?? []).includes('ai.knowledge.manage'));

  /** A new collection, proposed for the branch chosen in the switcher; null when cancelled. */
  async create(): Promise<Collection | null> {
    const collection = await this.openForm({ entities: this.scope.entities(), entityId: this.scope.entityId() ?? this.scope.entities()[0]?.id ?? null });
    if (collection) this.toaster.success($localize`:@@ai.collectionCreated:Collection « ${collection.name}:name: » créée.`);
    return collection;
  }

  /** Edits the collection as last read (its ETag guards against a concurrent change); null when cancelled. */
  async edit(collection: Collection): Promise<Collection | null> {
    try {
      const { data, etag } = await this.api.unwrapWithEtag(this.api.client.GET('/api/v1/ai/collections/{id}', { params: { path: { id: collection.id } } }));
      const updated = await this.openForm({ collection: data, etag, entities: [], entityId: data.entityId });
      if (updated) this.toaster.success($localize`:@@ai.collectionSaved:Collection enregistrée.`);
      return updated;
    } catch (failure) {
      this.toaster.error(failure);
      return null;
    }
  }

  /** Deletes the collection with its documents once the user confirms; true when deleted. */
  async remove(collection: Collection): Promise<boolean> {
    const confirmed = await this.confirm.ask({
      title: $localize`:@@ai.deleteCollectionTitle:Supprimer la collection ?`,
      message: $localize`:@@ai.deleteCollectionMessage:La collection « ${collection.name}:name: » et ses ${collection.documentCount}:count: document(s) seront supprimés, ainsi que leurs passages indexés. L'assistant ne pourra plus les citer.`,
      confirmLabel: $localize`:@@ai.delete:Supprimer`,
      destructive: true,
    });
    if (!confirmed) return false;
    try {
      await this.api.unwrap(this.api.client.DELETE('/api/v1/ai/collections/{id}', { params: { path: { id: collection.id } } }));
      this.toaster.success($localize`:@@ai.collectionDeleted:Collection « ${collection.name}:name: » supprimée.`);
      return true;
    } catch (failure) {
      this.toaster.error(failure);
      return false;
    }
  }

  private async openForm(data: CollectionFormData): Promise<Collection | null> {
    const ref = this.dialog.open<CollectionFormDialog, CollectionFormData, Collection>(CollectionFormDialog, { data, width: '600px', maxWidth: '95vw' });
    return (await firstValueFrom(ref.afterClosed())) ?? null;
  }
}
