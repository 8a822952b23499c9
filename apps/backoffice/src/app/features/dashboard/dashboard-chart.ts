import { ChangeDetectionStrategy, Component, DestroyRef, ElementRef, afterRenderEffect, computed, inject, input, viewChild } from '@angular/core';
import { ArcElement, BarController, BarElement, CategoryScale, Chart, DoughnutController, Legend, LinearScale, Tooltip, type ChartConfiguration } from 'chart.js';

// Only what the dashboard draws: bundled in its lazy chunk.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, DoughnutController, ArcElement, Legend, Tooltip);

export interface ChartSeries {
  label: string;
  values: readonly number[];
  /** One colour for the series, or one per label (doughnut). */
  colors: string | readonly string[];
}

/**
 * A Chart.js chart with its text alternative: the canvas is labelled by the caption, and the same
 * figures follow in a table (screen readers, keyboard users, printing).
 */
@Component({
  selector: 'mx-dashboard-chart',
  template: `
    <figure>
      <figcaption>{{ caption() }}</figcaption>
      <div class="canvas" [class.round]="kind() === 'doughnut'">
        <canvas #canvas role="img" [attr.aria-label]="caption()"></canvas>
      </div>
      <table class="figures">
        <caption class="visually-hidden">{{ caption() }}</caption>
        <thead>
          <tr>
            <th scope="col">{{ labelHeading() }}</th>
            @for (one of series(); track one.label) {
              <th scope="col">{{ one.label }}</th>
            }
          </tr>
        </thead>
        <tbody>
          @for (row of rows(); track row.label) {
            <tr>
              <th scope="row">{{ row.label }}</th>
              @for (cell of row.cells; track $index) {
                <td>{{ cell }}</td>
              }
            </tr>
          }
        </tbody>
      </table>
    </figure>
  `,
  styles: `
    figure { margin: 0; display: flex; flex-direction: column; gap: 8px; }
    figcaption { font: var(--mat-sys-title-small); }
    .canvas { position: relative; height: 220px; }
    .canvas.round { height: 200px; }
    table.figures { border-collapse: collapse; font: var(--mat-sys-body-small); }
    table.figures th, table.figures td { text-align: left; padding: 2px 8px 2px 0; }
    table.figures td { font-variant-numeric: tabular-nums; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DashboardChart {
  readonly caption = input.required<string>();
  readonly kind = input<'bar' | 'doughnut'>('bar');
  /** Horizontal bars (long labels such as event titles). */
  readonly horizontal = input(false);
  readonly labelHeading = input.required<string>();
  readonly labels = input.required<readonly string[]>();
  readonly series = input.required<readonly ChartSeries[]>();
  /** How a value reads in the table and the tooltips. */
  readonly format = input<(value: number) => string>((value) => value.toLocaleString('fr-FR'));
  /** Largest value of the axis (100 for percentages); automatic otherwise. */
  readonly max = input<number | undefined>(undefined);

  protected readonly rows = computed(() => this.labels().map((label, index) => ({ label, cells: this.series().map((one) => this.format()(one.values[index] ?? 0)) })));
  private readonly canvas = viewChild.required<ElementRef<HTMLCanvasElement>>('canvas');
  private chart: Chart<'bar' | 'doughnut'> | null = null;

  constructor() {
    // Redrawn whole when the figures change (the branch switcher): a handful of bars, no animation.
    afterRenderEffect(() => {
      const configuration = this.configuration();
      this.chart?.destroy();
      this.chart = new Chart(this.canvas().nativeElement, configuration);
    });
    inject(DestroyRef).onDestroy(() => this.chart?.destroy());
  }

  private configuration(): ChartConfiguration<'bar' | 'doughnut'> {
    const format = this.format();
    const data = {
      labels: [...this.labels()],
      datasets: this.series().map((one) => ({ label: one.label, data: [...one.values], backgroundColor: typeof one.colors === 'string' ? one.colors : [...one.colors] })),
    };
    const tooltip = { callbacks: { label: (item: { dataset: { label?: string }; raw: unknown }) => `${item.dataset.label ?? ''} : ${format(Number(item.raw))}` } };
    if (this.kind() === 'doughnut') {
      return { type: 'doughnut', data, options: { responsive: true, maintainAspectRatio: false, animation: false, plugins: { legend: { position: 'right' }, tooltip } } };
    }
    const valueAxis = { beginAtZero: true, ...(this.max() !== undefined ? { max: this.max() } : {}), ticks: { callback: (value: string | number) => format(Number(value)) } };
    return {
      type: 'bar',
      data,
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        indexAxis: this.horizontal() ? 'y' : 'x',
        scales: this.horizontal() ? { x: valueAxis } : { y: valueAxis },
        plugins: { legend: { display: this.series().length > 1 }, tooltip },
      },
    };
  }
}
