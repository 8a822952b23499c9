import { DOCUMENT, Injectable, effect, inject, signal } from '@angular/core';

export type ThemeMode = 'system' | 'light' | 'dark';
const STORAGE_KEY = 'maillage.theme';

/** Light/dark: follows `prefers-color-scheme` until the user picks one in the top bar. */
@Injectable({ providedIn: 'root' })
export class Theme {
  private readonly root = inject(DOCUMENT).documentElement;
  readonly mode = signal<ThemeMode>(readStored());

  constructor() {
    effect(() => {
      const mode = this.mode();
      this.root.classList.toggle('theme-light', mode === 'light');
      this.root.classList.toggle('theme-dark', mode === 'dark');
      localStorage.setItem(STORAGE_KEY, mode);
    });
  }

  /** system → light → dark → system. */
  cycle(): void {
    this.mode.update((mode) => (mode === 'system' ? 'light' : mode === 'light' ? 'dark' : 'system'));
  }
}

function readStored(): ThemeMode {
  const raw = localStorage.getItem(STORAGE_KEY);
  return raw === 'light' || raw === 'dark' ? raw : 'system';
}
