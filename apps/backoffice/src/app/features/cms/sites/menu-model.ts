import type { FieldProblem } from '../../../core/api/api-problem';
import type { CmsSite } from '../cms-types';

export type SiteMenus = CmsSite['menus'];
export type MenuItem = SiteMenus['main'][number];
export type MenuName = keyof SiteMenus;

/** A copy of `items` with the entry at `index` moved by `delta` places (unchanged at the ends). */
export function moveItem<T>(items: readonly T[], index: number, delta: -1 | 1): T[] {
  const target = index + delta;
  const copy = [...items];
  if (index < 0 || index >= items.length || target < 0 || target >= items.length) return copy;
  [copy[index], copy[target]] = [copy[target]!, copy[index]!];
  return copy;
}

/**
 * Spreads the server's field errors over the menu rows: `/menus/main/2/url` → key `main/2`.
 * Errors that name no row come back in `other`.
 */
export function menuRowErrors(errors: readonly FieldProblem[]): { rows: Map<string, string[]>; other: string[] } {
  const rows = new Map<string, string[]>();
  const other: string[] = [];
  for (const error of errors) {
    const match = /^\/menus\/(main|footer)\/(\d+)(\/|$)/.exec(error.pointer);
    if (!match) {
      other.push(error.message);
      continue;
    }
    const key = `${match[1]}/${match[2]}`;
    rows.set(key, [...(rows.get(key) ?? []), error.message]);
  }
  return { rows, other };
}
