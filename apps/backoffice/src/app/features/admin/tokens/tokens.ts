import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import { MatTableModule } from '@angular/material/table';
import { firstValueFrom } from 'rxjs';
import { Api } from '../../../core/api/api';
import type { ItemOf } from '../../../core/api/api-types';
import { Confirm } from '../../../shared/confirm/confirm-dialog';
import { EmptyState } from '../../../shared/states/empty-state';
import { LoadingState } from '../../../shared/states/loading-state';
import { Toaster } from '../../../shared/toast/toaster';
import { TokenCreateDialog } from './token-create-dialog';

type Token = ItemOf<'/api/v1/personal-access-tokens'>;

/** The caller's own personal access tokens: create (secret shown once), see use, revoke. */
@Component({
  selector: 'mx-tokens',
  imports: [MatTableModule, MatButton, MatIcon, DatePipe, EmptyState, LoadingState],
  templateUrl: './tokens.html',
  styles: `
    .frame { overflow-x: auto; border: 1px solid var(--mat-sys-outline-variant); border-radius: 12px; }
    table { width: 100%; }
    .secret { background: var(--mat-sys-secondary-container); color: var(--mat-sys-on-secondary-container); padding: 12px 16px; border-radius: 8px; margin-bottom: 16px; }
    code { word-break: break-all; user-select: all; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Tokens {
  private readonly api = inject(Api);
  private readonly dialog = inject(MatDialog);
  private readonly toaster = inject(Toaster);
  private readonly confirm = inject(Confirm);

  protected readonly tokens = signal<Token[] | null>(null);
  /** The secret of the token just created: shown once, never stored. */
  protected readonly secret = signal<string | null>(null);
  protected readonly columns = ['name', 'prefix', 'permissions', 'expiresAt', 'lastUsedAt', 'state', 'actions'];

  constructor() {
    void this.load();
  }

  protected isActive(token: Token): boolean {
    return !token.revokedAt && new Date(token.expiresAt).getTime() > Date.now();
  }

  protected async create(): Promise<void> {
    const created = await firstValueFrom(this.dialog.open(TokenCreateDialog, { width: '560px', maxWidth: '95vw' }).afterClosed());
    if (!created) return;
    this.secret.set(created.token);
    await this.load();
  }

  protected async revoke(token: Token): Promise<void> {
    const confirmed = await this.confirm.ask({
      title: $localize`:@@tokens.revokeTitle:Révoquer « ${token.name}:name: » ?`,
      message: $localize`:@@tokens.revokeMessage:Les intégrations qui utilisent ce jeton cesseront immédiatement de fonctionner.`,
      confirmLabel: $localize`:@@tokens.revoke:Révoquer`,
      destructive: true,
    });
    if (!confirmed) return;
    try {
      await this.api.unwrap(this.api.client.DELETE('/api/v1/personal-access-tokens/{id}', { params: { path: { id: token.id } } }));
      this.toaster.success($localize`:@@tokens.revoked:Jeton révoqué.`);
      await this.load();
    } catch (error) {
      this.toaster.error(error);
    }
  }

  private async load(): Promise<void> {
    try {
      this.tokens.set((await this.api.unwrap(this.api.client.GET('/api/v1/personal-access-tokens'))).items);
    } catch (error) {
      this.tokens.set([]);
      this.toaster.error(error);
    }
  }
}
