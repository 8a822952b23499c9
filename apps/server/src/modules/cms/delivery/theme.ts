/**
 * Site themes are chosen by editors; accessibility (WCAG 2.1 AA, RGAA) is not optional. Every
 * colour pair we draw text with is checked here, and a colour that does not reach 4.5:1 against
 * its background is replaced by a darkened variant, or by the default if darkening is not enough.
 */
export interface ThemeInput {
  primaryColour?: string | null;
  accentColour?: string | null;
}

export interface ResolvedTheme {
  /** Header background; header text is white or near-black, whichever contrasts more. */
  primary: string;
  onPrimary: string;
  /** Links and focus rings on the white page background. */
  accent: string;
  /** True when an editor's colour was replaced for contrast (shown to editors, logged). */
  adjusted: boolean;
}

export const DEFAULT_PRIMARY = '#1d3d6b';
export const DEFAULT_ACCENT = '#0b5cad';
const WHITE = '#ffffff';
const INK = '#111111';
export const MIN_CONTRAST = 4.5;
const HEX = /^#[0-9a-f]{6}$/i;

function channels(hex: string): [number, number, number] {
  return [1, 3, 5].map((start) => Number.parseInt(hex.slice(start, start + 2), 16)) as [number, number, number];
}

/** WCAG 2.1 relative luminance. */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = channels(hex).map((value) => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

function darken(hex: string, factor: number): string {
  return `#${channels(hex)
    .map((value) => Math.round(value * factor).toString(16).padStart(2, '0'))
    .join('')}`;
}

/** The colour, darkened step by step until it reaches the ratio against `background`, or null. */
function readableOn(colour: string, background: string): string | null {
  let candidate = colour.toLowerCase();
  for (let step = 0; step < 12; step += 1) {
    if (contrastRatio(candidate, background) >= MIN_CONTRAST) return candidate;
    candidate = darken(candidate, 0.85);
  }
  return null;
}

export function resolveTheme(input: ThemeInput | null | undefined): ResolvedTheme {
  let adjusted = false;
  const requestedPrimary = input?.primaryColour && HEX.test(input.primaryColour) ? input.primaryColour.toLowerCase() : DEFAULT_PRIMARY;
  const requestedAccent = input?.accentColour && HEX.test(input.accentColour) ? input.accentColour.toLowerCase() : DEFAULT_ACCENT;
  let primary = requestedPrimary;
  let onPrimary = contrastRatio(primary, WHITE) >= contrastRatio(primary, INK) ? WHITE : INK;
  if (contrastRatio(primary, onPrimary) < MIN_CONTRAST) {
    primary = readableOn(primary, WHITE) ?? DEFAULT_PRIMARY;
    onPrimary = WHITE;
    adjusted = true;
  }
  let accent = readableOn(requestedAccent, WHITE) ?? DEFAULT_ACCENT;
  if (accent !== requestedAccent) adjusted = true;
  // Links also sit on the light grey cards (#f4f5f7): keep them readable there too.
  if (contrastRatio(accent, '#f4f5f7') < MIN_CONTRAST) accent = readableOn(accent, '#f4f5f7') ?? DEFAULT_ACCENT;
  return { primary, onPrimary, accent, adjusted };
}
