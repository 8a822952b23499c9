import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatOption, MatSelect } from '@angular/material/select';
import { Api } from '../../../core/api/api';
import { Session } from '../../../core/auth/session';
import { Toaster } from '../../../shared/toast/toaster';
import { INTERACTION_KIND_LABELS, optionsOf } from '../shared/crm-labels';
import { InteractionForm } from './interaction-form';
import type { Interaction, TimelineSubject } from './interaction-types';

const PAGE_SIZE = 20;

/**
 * A company's or a contact's timeline, newest first, filterable by kind, read page by page
 * (keyset cursor); staff allowed to write add notes and other exchanges from here.
 */
@Component({
  selector: 'mx-timeline',
  imports: [DatePipe, MatButton, MatIcon, MatFormField, MatLabel, MatSelect, MatOption, InteractionForm],
  templateUrl: './timeline.html',
  styles: `
    .heading { display: flex; align-items: center; gap: 16px; flex-wrap: wrap; }
    .heading h2 { flex: 1 1 auto; margin: 0; }
    .entries { list-style: none; padding: 0; margin: 16px 0 0; display: grid; gap: 12px; }
    .entry { border-left: 3px solid var(--mat-sys-primary); padding: 4px 0 4px 12px; }
    .meta { color: var(--mat-sys-on-surface-variant); font: var(--mat-sys-body-small); }
    .subject { font-weight: 500; margin: 2px 0; }
    .body :first-child { margin-top: 0; }
    .composer { margin: 16px 0; padding: 16px; border: 1px solid var(--mat-sys-outline-variant); border-radius: 12px; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Timeline {
  private readonly api = inject(Api);
  private readonly toaster = inject(Toaster);
  private readonly session = inject(Session);

  readonly subject = input.required<TimelineSubject>();
  /** Owning entity for new entries on a company (see InteractionForm). */
  readonly entityId = input<string | null>(null);

  protected readonly entries = signal<Interaction[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(false);
  protected readonly kind = signal('');
  protected readonly composing = signal(false);
  protected readonly kindLabels = INTERACTION_KIND_LABELS;
  protected readonly kindOptions = optionsOf(INTERACTION_KIND_LABELS);
  protected readonly canWrite = computed(() => this.session.me()?.permissions.includes('crm.interactions.write') ?? false);

  constructor() {
    effect(() => {
      const subject = this.subject();
      const kind = this.kind();
      untracked(() => void this.load(subject, kind, null));
    });
  }

  protected more(): void {
    void this.load(this.subject(), this.kind(), this.nextCursor());
  }

  protected onRecorded(): void {
    this.composing.set(false);
    void this.load(this.subject(), this.kind(), null);
  }

  private async load(subject: TimelineSubject, kind: string, cursor: string | null): Promise<void> {
    this.loading.set(true);
    const query: Record<string, string | number> = { limit: PAGE_SIZE, sort: '-occurredAt' };
    if (kind) query['filter[kind]'] = kind;
    if (cursor) query['cursor'] = cursor;
    try {
      const params = { path: { id: subject.id }, query: query as never };
      const page = await this.api.unwrap(
        subject.kind === 'organization'
          ? this.api.client.GET('/api/v1/organizations/{id}/timeline', { params, cache: 'no-store' })
          : this.api.client.GET('/api/v1/persons/{id}/timeline', { params, cache: 'no-store' }),
      );
      this.entries.update((entries) => (cursor ? [...entries, ...page.items] : page.items));
      this.nextCursor.set(page.nextCursor);
    } catch (error) {
      this.toaster.error(error);
    } finally {
      this.loading.set(false);
    }
  }
}
