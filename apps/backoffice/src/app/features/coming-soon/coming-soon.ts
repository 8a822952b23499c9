import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { EmptyState } from '../../shared/states/empty-state';

/** An honest placeholder for a module not built yet: no sample data pretending to be real. */
@Component({
  selector: 'mx-coming-soon',
  imports: [EmptyState],
  template: `
    <section class="page">
      <h1>{{ moduleName() }}</h1>
      <mx-empty-state icon="hourglass" i18n-heading="@@soon.heading" heading="Bientôt disponible">
        <p>{{ purpose() }}</p>
        <p class="muted" i18n="@@soon.body">Ce module est en cours de construction. Il apparaîtra ici dès sa mise en service.</p>
      </mx-empty-state>
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ComingSoon {
  /** Bound from the route's data (withComponentInputBinding). */
  readonly moduleName = input.required<string>();
  readonly purpose = input.required<string>();
}
