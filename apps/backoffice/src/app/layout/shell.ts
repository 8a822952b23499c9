import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatIconButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatListItem, MatListItemIcon, MatListItemTitle, MatNavList } from '@angular/material/list';
import { MatMenu, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
import { MatSidenav, MatSidenavContainer, MatSidenavContent } from '@angular/material/sidenav';
import { MatToolbar } from '@angular/material/toolbar';
import { MatTooltip } from '@angular/material/tooltip';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { map } from 'rxjs';
import { Session } from '../core/auth/session';
import { FeatureFlags } from '../core/flags/feature-flags';
import { Theme } from '../core/theme/theme';
import { Toaster } from '../shared/toast/toaster';
import { BranchSwitcher } from './branch-switcher';
import { Breadcrumbs } from './breadcrumbs';
import { GlobalSearch } from './global-search';
import { NAV_ITEMS } from './nav-items';

/** The signed-in frame: top bar (branch switcher, search, theme, account), side navigation, breadcrumbs. */
@Component({
  selector: 'mx-shell',
  imports: [
    MatToolbar,
    MatSidenavContainer,
    MatSidenav,
    MatSidenavContent,
    MatNavList,
    MatListItem,
    MatListItemIcon,
    MatListItemTitle,
    MatIcon,
    MatIconButton,
    MatTooltip,
    MatMenu,
    MatMenuItem,
    MatMenuTrigger,
    RouterLink,
    RouterLinkActive,
    RouterOutlet,
    BranchSwitcher,
    Breadcrumbs,
    GlobalSearch,
  ],
  templateUrl: './shell.html',
  styleUrl: './shell.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Shell {
  protected readonly session = inject(Session);
  protected readonly theme = inject(Theme);
  private readonly toaster = inject(Toaster);
  private readonly flags = inject(FeatureFlags);
  protected readonly navItems = computed(() => NAV_ITEMS.filter((item) => !item.flag || this.flags.isOn(item.flag, false)));
  protected readonly compact = toSignal(inject(BreakpointObserver).observe('(max-width: 959px)').pipe(map((state) => state.matches)), {
    initialValue: false,
  });
  protected readonly themeIcon = computed(() => ({ system: 'auto', light: 'light', dark: 'dark' })[this.theme.mode()]);
  protected readonly themeLabel = computed(
    () =>
      ({
        system: $localize`:@@theme.system:Thème : automatique (système)`,
        light: $localize`:@@theme.light:Thème : clair`,
        dark: $localize`:@@theme.dark:Thème : sombre`,
      })[this.theme.mode()],
  );

  protected async signOut(): Promise<void> {
    try {
      await this.session.signOut();
    } catch (error) {
      this.toaster.error(error);
    }
  }
}
