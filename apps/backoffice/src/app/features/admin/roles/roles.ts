import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatExpansionModule } from '@angular/material/expansion';
import { Api } from '../../../core/api/api';
import type { ItemOf } from '../../../core/api/api-types';
import { LoadingState } from '../../../shared/states/loading-state';
import { Toaster } from '../../../shared/toast/toaster';

type Role = ItemOf<'/api/v1/roles'>;
type Permission = ItemOf<'/api/v1/permissions'>;

/**
 * Roles and the permissions they bundle, in the words of the permission catalogue. Roles are
 * granted per entity from a user's page; creating custom roles is not offered here yet.
 */
@Component({
  selector: 'mx-roles',
  imports: [MatExpansionModule, LoadingState],
  template: `
    <section class="page">
      <h1 i18n="@@admin.roles">Rôles et habilitations</h1>
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
  protected readonly roles = signal<Role[] | null>(null);
  private readonly catalogue = signal<Permission[]>([]);
  private readonly descriptions = computed(() => new Map(this.catalogue().map((p) => [p.name, p.description])));

  constructor() {
    void this.load();
  }

  protected describe(permission: string): string {
    return this.descriptions().get(permission) ?? permission;
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
