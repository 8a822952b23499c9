import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { FormControl, FormGroup, type FormGroupDirective, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { Api } from '../../../core/api/api';
import { ApiProblem } from '../../../core/api/api-problem';
import { problemMessage } from '../../../core/api/problem-messages';
import type { ItemOf } from '../../../core/api/api-types';
import { Session } from '../../../core/auth/session';
import { BranchScope } from '../../../core/scope/branch-scope';
import { Confirm } from '../../../shared/confirm/confirm-dialog';
import { FormAlert } from '../../../shared/form/form-alert';
import { applyServerErrors, fieldErrorText } from '../../../shared/form/server-errors';
import { EmptyState } from '../../../shared/states/empty-state';
import { Toaster } from '../../../shared/toast/toaster';

type Grant = ItemOf<'/api/v1/users/{id}/grants'>;
type Role = ItemOf<'/api/v1/roles'>;

/** A user's roles per entity: each applies to the entity and everything below it. */
@Component({
  selector: 'mx-user-grants',
  imports: [ReactiveFormsModule, MatTableModule, MatButton, MatFormField, MatLabel, MatSelect, MatOption, MatError, DatePipe, EmptyState, FormAlert],
  templateUrl: './user-grants.html',
  styles: `
    .frame { overflow-x: auto; border: 1px solid var(--mat-sys-outline-variant); border-radius: 12px; margin-bottom: 16px; }
    table { width: 100%; }
    form { display: flex; flex-wrap: wrap; gap: 12px; align-items: flex-start; }
    mat-form-field { width: 300px; }
    .submit { margin-top: 10px; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UserGrants {
  private readonly api = inject(Api);
  private readonly toaster = inject(Toaster);
  private readonly confirm = inject(Confirm);
  private readonly session = inject(Session);
  protected readonly scope = inject(BranchScope);

  readonly userId = input.required<string>();
  readonly userName = input.required<string>();

  protected readonly grants = signal<Grant[] | null>(null);
  protected readonly roles = signal<Role[]>([]);
  protected readonly busy = signal(false);
  protected readonly alerts = signal<string[]>([]);
  protected readonly columns = ['role', 'entity', 'createdAt', 'actions'];
  protected readonly errorText = fieldErrorText;
  protected readonly canManage = computed(() => this.session.me()?.permissions.includes('identity.grants.manage') ?? false);
  protected readonly form = new FormGroup({
    roleCode: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    entityId: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
  });

  constructor() {
    effect(() => void this.load(this.userId()));
    void this.loadRoles();
  }

  protected indent(depth: number): string {
    return '\u00a0\u00a0'.repeat(depth);
  }

  private async load(userId: string): Promise<void> {
    try {
      const result = await this.api.unwrap(this.api.client.GET('/api/v1/users/{id}/grants', { params: { path: { id: userId } } }));
      this.grants.set(result.items);
    } catch (error) {
      this.grants.set([]);
      this.toaster.error(error);
    }
  }

  private async loadRoles(): Promise<void> {
    try {
      this.roles.set((await this.api.unwrap(this.api.client.GET('/api/v1/roles'))).items);
    } catch (error) {
      this.toaster.error(error);
    }
  }

  protected async grant(directive: FormGroupDirective): Promise<void> {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.alerts.set([]);
    try {
      await this.api.unwrap(this.api.client.POST('/api/v1/users/{id}/grants', { params: { path: { id: this.userId() } }, body: this.form.getRawValue() }));
      this.toaster.success($localize`:@@grants.granted:Rôle accordé.`);
      // resetForm also clears the submitted flag, so the emptied fields do not show as errors.
      directive.resetForm();
      await this.load(this.userId());
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      this.alerts.set([problemMessage(error), ...applyServerErrors(this.form, error.errors)]);
    } finally {
      this.busy.set(false);
    }
  }

  protected async withdraw(grant: Grant): Promise<void> {
    const confirmed = await this.confirm.ask({
      title: $localize`:@@grants.withdrawTitle:Retirer ce rôle ?`,
      message: $localize`:@@grants.withdrawMessage:${this.userName()}:name: perdra le rôle « ${grant.role.name}:role: » sur ${grant.entity.name}:entity: et ses sous-structures.`,
      confirmLabel: $localize`:@@grants.withdraw:Retirer`,
      destructive: true,
    });
    if (!confirmed) return;
    try {
      await this.api.unwrap(this.api.client.DELETE('/api/v1/users/{id}/grants/{grantId}', { params: { path: { id: this.userId(), grantId: grant.id } } }));
      this.toaster.success($localize`:@@grants.withdrawn:Rôle retiré.`);
      await this.load(this.userId());
    } catch (error) {
      this.toaster.error(error);
    }
  }
}
