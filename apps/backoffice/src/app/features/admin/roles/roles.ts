import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatExpansionModule } from '@angular/material/expansion';
import { Api } from '../../../core/api/api';
import { Session } from '../../../core/auth/session';
import { LoadingState } from '../../../shared/states/loading-state';
import { Toaster } from '../../../shared/toast/toaster';
import { RoleFormDialog, type Permission, type Role, type RoleFormData } from './role-form-dialog';

/**
 * Roles and the permissions they bundle, in the words of the permission catalogue. Roles are
 * granted per entity from a user's page; custom roles are created and changed here.
 */
@Component({
  selector: 'mx-roles',
  imports: [MatExpansionModule, MatButton, LoadingState],
  template: `
    <section class="page">
      <div class="page-header">
        <h1 i18n="@@admin.roles">Rôles et habilitations</h1>
        @if (canManage()) {
          <!-- The dialog lists the catalogue it is given: opened before the catalogue arrives, it would offer no permission. -->
          <button mat-flat-button type="button" [disabled]="catalogue().length === 0" (click)="edit()" i18n="@@roles.create">Nouveau rôle</button>
        }
      </div>
      <p class="muted" i18n="@@roles.intro">Un rôle s'accorde sur une entité et vaut pour toutes ses sous-structures. Pour accorder un rôle, ouvrez la fiche d'un utilisateur.</p>
      @if (roles(); as list) {
        <mat-accordion multi>
          @for (role of list; track role.id) {
            <mat-expansion-panel>
              <mat-expansion-panel-header>
                <mat-panel-title>{{ role.name }}</mat-panel-title>
                <mat-panel-description>
                  {{ role.permissions.length }} <ng-container i18n="@@roles.permissionsCount">permission(s)</ng-container>
                  @if (role.system) {
                    · <ng-container i18n="@@roles.system">rôle système</ng-container>
                  }
                </mat-panel-description>
              </mat-expansion-panel-header>
              <p>{{ role.description }}</p>
              <ul>
                @for (permission of role.permissions; track permission) {
                  <li>{{ describe(permission) }} <code class="muted">{{ permission }}</code></li>
                }
              </ul>
              @if (canManage() && !role.system) {
                <button mat-stroked-button type="button" (click)="edit(role)" i18n="@@roles.edit">Modifier le rôle</button>
              }
            </mat-expansion-panel>
          }
        </mat-accordion>
      } @else {
        <mx-loading-state />
      }
    </section>
  `,
  styles: `
    li { margin: 4px 0; }
    code { font-size: 0.85em; margin-left: 4px; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Roles {
  private readonly api = inject(Api);
  private readonly toaster = inject(Toaster);
  private readonly dialog = inject(MatDialog);
  private readonly session = inject(Session);
  protected readonly canManage = computed(() => this.session.me()?.permissions.includes('identity.roles.manage') ?? false);
  protected readonly roles = signal<Role[] | null>(null);
  protected readonly catalogue = signal<Permission[]>([]);
  private readonly descriptions = computed(() => new Map(this.catalogue().map((p) => [p.name, p.description])));

  constructor() {
    void this.load();
  }

  protected describe(permission: string): string {
    return this.descriptions().get(permission) ?? permission;
  }

  protected edit(role?: Role): void {
    const data: RoleFormData = { catalogue: this.catalogue(), ...(role ? { role } : {}) };
    const ref = this.dialog.open<RoleFormDialog, RoleFormData, Role>(RoleFormDialog, { data, width: '640px', autoFocus: 'first-tabbable' });
    ref.afterClosed().subscribe((saved) => {
      if (!saved) return;
      this.toaster.success(role ? $localize`:@@roles.updated:Rôle modifié.` : $localize`:@@roles.created:Rôle créé.`);
      void this.load();
    });
  }

  private async load(): Promise<void> {
    try {
      const [roles, permissions] = await Promise.all([
        this.api.unwrap(this.api.client.GET('/api/v1/roles')),
        this.api.unwrap(this.api.client.GET('/api/v1/permissions')),
      ]);
      this.catalogue.set(permissions.items);
      this.roles.set(roles.items);
    } catch (error) {
      this.roles.set([]);
      this.toaster.error(error);
    }
  }
}
