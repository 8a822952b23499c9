import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { encode } from 'uqr';

/**
 * A QR code drawn as one SVG path (one square per dark module), computed in the browser: the
 * TOTP secret it carries never goes to a third-party image service.
 */
@Component({
  selector: 'mx-qr-code',
  template: `
    <svg [attr.viewBox]="viewBox()" role="img" [attr.aria-label]="label()" shape-rendering="crispEdges">
      <rect [attr.width]="size()" [attr.height]="size()" fill="#fff" />
      <path [attr.d]="path()" fill="#000" />
    </svg>
  `,
  styles: `
    :host { display: inline-block; }
    svg { width: 200px; height: 200px; display: block; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class QrCode {
  readonly value = input.required<string>();
  readonly label = input.required<string>();

  // Medium error correction and a 4-module quiet zone, as authenticator apps expect.
  private readonly modules = computed(() => encode(this.value(), { ecc: 'M', border: 4 }).data);
  protected readonly size = computed(() => this.modules().length);
  protected readonly viewBox = computed(() => `0 0 ${this.size()} ${this.size()}`);
  protected readonly path = computed(() => {
    const parts: string[] = [];
    this.modules().forEach((row, y) => row.forEach((dark, x) => dark && parts.push(`M${x} ${y}h1v1h-1z`)));
    return parts.join('');
  });
}
