import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { Router } from '@angular/router';
import { Api, mergePatchHeaders } from '../../../core/api/api';
import type { ResponseOf } from '../../../core/api/api-types';
import { Session } from '../../../core/auth/session';
import { BranchScope } from '../../../core/scope/branch-scope';
import { Confirm } from '../../../shared/confirm/confirm-dialog';
import { LoadingState } from '../../../shared/states/loading-state';
import { Toaster } from '../../../shared/toast/toaster';
import { UserGrants } from './user-grants';
import { USER_STATUS_LABELS } from './user-labels';

type User = ResponseOf<'/api/v1/users/{id}'>;

/** One account: facts, deactivation, second-factor reset, and the roles it holds where. */
@Component({
  selector: 'mx-user-detail',
  imports: [MatButton, DatePipe, LoadingState, UserGrants],
  templateUrl: './user-detail.html',
  styles: `
    .facts { display: grid; grid-template-columns: max-content 1fr; gap: 6px 24px; margin: 0 0 16px; }
    dt { color: var(--mat-sys-on-surface-variant); }
    dd { margin: 0; }
    .actions { display: flex; flex-wrap: wrap; gap: 8px; margin-bottom: 24px; }
    .secret { background: var(--mat-sys-secondary-container); color: var(--mat-sys-on-secondary-container); padding: 12px 16px; border-radius: 8px; margin-bottom: 16px; }
    code { font-size: 1.1em; user-select: all; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserDetail {
  private readonly api = inject(Api);
  private readonly toaster = inject(Toaster);
  private readonly confirm = inject(Confirm);
  private readonly session = inject(Session);
  private readonly scope = inject(BranchScope);

  /** Route param. */
  readonly id = input.required<string>();
  protected readonly user = signal<User | null>(null);
  private readonly etag = signal<string | null>(null);
  protected readonly busy = signal(false);
  /** Handed over by the create dialog through navigation state: shown once, never stored. */
  protected readonly temporaryPassword = signal<string | null>(
    (inject(Router).currentNavigation()?.extras.state?.['temporaryPassword'] as string | undefined) ?? null,
  );
  protected readonly statusLabels = USER_STATUS_LABELS;
  protected readonly canManage = computed(() => this.session.me()?.permissions.includes('identity.users.manage') ?? false);
  protected readonly isSelf = computed(() => this.user()?.id === this.session.user()?.id);
  protected readonly homeName = computed(() => {
    const home = this.user()?.homeEntityId;
    return this.scope.entities().find((e) => e.id === home)?.name ?? home ?? '';
  });

  constructor() {
    effect(() => void this.load(this.id()));
  }

  private async load(id: string): Promise<void> {
    try {
      const { data, etag } = await this.api.unwrapWithEtag(this.api.client.GET('/api/v1/users/{id}', { params: { path: { id } }, cache: 'no-store' }));
      this.user.set(data);
      this.etag.set(etag);
    } catch (error) {
      this.toaster.error(error);
    }
  }

  protected async toggleStatus(): Promise<void> {
    const user = this.user();
    if (!user) return;
    const deactivate = user.status === 'active';
    if (deactivate) {
      const confirmed = await this.confirm.ask({
        title: $localize`:@@users.deactivateTitle:Désactiver ${user.displayName}:name: ?`,
        message: $localize`:@@users.deactivateMessage:Ses sessions et jetons d'accès cesseront de fonctionner. Vous pourrez réactiver le compte plus tard.`,
        confirmLabel: $localize`:@@users.deactivate:Désactiver`,
        destructive: true,
      });
      if (!confirmed) return;
    }
    await this.run(async () => {
      const { data, etag } = await this.api.unwrapWithEtag(
        this.api.client.PATCH('/api/v1/users/{id}', {
          params: { path: { id: user.id } },
          body: { status: deactivate ? 'deactivated' : 'active' },
          headers: mergePatchHeaders(this.etag()),
        }),
      );
      this.user.set(data);
      this.etag.set(etag);
      this.toaster.success(deactivate ? $localize`:@@users.deactivated.done:Compte désactivé.` : $localize`:@@users.reactivated:Compte réactivé.`);
    });
  }

  protected async resetMfa(): Promise<void> {
    const user = this.user();
    if (!user) return;
    const confirmed = await this.confirm.ask({
      title: $localize`:@@users.mfaResetTitle:Réinitialiser la double authentification ?`,
      message: $localize`:@@users.mfaResetMessage:${user.displayName}:name: devra enregistrer à nouveau son application d'authentification. À faire uniquement après avoir vérifié son identité.`,
      confirmLabel: $localize`:@@users.mfaReset:Réinitialiser`,
      destructive: true,
    });
    if (!confirmed) return;
    await this.run(async () => {
      await this.api.unwrap(this.api.client.POST('/api/v1/users/{id}/mfa-reset', { params: { path: { id: user.id } } }));
      await this.load(user.id);
      this.toaster.success($localize`:@@users.mfaResetDone:Double authentification réinitialisée.`);
    });
  }

  private async run(action: () => Promise<void>): Promise<void> {
    this.busy.set(true);
    try {
      await action();
    } catch (error) {
      this.toaster.error(error);
      const user = this.user();
      if (user) await this.load(user.id);
    } finally {
      this.busy.set(false);
    }
  }
}
