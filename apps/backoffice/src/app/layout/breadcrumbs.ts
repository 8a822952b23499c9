import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, NavigationEnd, Router, RouterLink, type ActivatedRouteSnapshot } from '@angular/router';
import { filter, map, startWith } from 'rxjs';

export interface Crumb {
  label: string;
  url: string;
}

/** Breadcrumbs from the `breadcrumb` data of each matched route, root to leaf. */
@Component({
  selector: 'mx-breadcrumbs',
  imports: [RouterLink],
  template: `
    @if (crumbs().length > 0) {
      <nav i18n-aria-label="@@breadcrumbs.label" aria-label="Fil d'Ariane">
        <ol>
          @for (crumb of crumbs(); track crumb.url; let last = $last) {
            <li>
              @if (last) {
                <span aria-current="page">{{ crumb.label }}</span>
              } @else {
                <a [routerLink]="crumb.url">{{ crumb.label }}</a>
              }
            </li>
          }
        </ol>
      </nav>
    }
  `,
  styles: `
    nav { padding: 12px 24px 0; }
    ol { list-style: none; display: flex; flex-wrap: wrap; gap: 4px; margin: 0; padding: 0; color: var(--mat-sys-on-surface-variant); }
    li + li::before { content: '›'; margin-right: 4px; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Breadcrumbs {
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  protected readonly crumbs = toSignal(
    this.router.events.pipe(
      filter((event) => event instanceof NavigationEnd),
      startWith(null),
      map(() => collect(this.route.snapshot.root)),
    ),
    { initialValue: [] as Crumb[] },
  );
}

function collect(root: ActivatedRouteSnapshot): Crumb[] {
  const crumbs: Crumb[] = [];
  const segments: string[] = [];
  for (let node: ActivatedRouteSnapshot | null = root; node; node = node.firstChild) {
    segments.push(...node.url.map((segment) => segment.path));
    const label = node.routeConfig?.data?.['breadcrumb'] as string | undefined;
    const resolved = (node.data['crumb'] as string | undefined) ?? label;
    const url = '/' + segments.join('/');
    if (resolved && crumbs[crumbs.length - 1]?.url !== url) crumbs.push({ label: resolved, url });
  }
  return crumbs;
}
