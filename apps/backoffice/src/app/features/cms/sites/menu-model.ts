import type { FieldProblem } from '../../../core/api/api-problem';
import type { CmsSite } from '../cms-types';

export type SiteMenus = CmsSite['menus'];
export type MenuName = keyof SiteMenus;

/** A menu entry with its sub-entries (the API nests them under `children`). */
export interface MenuItem {
  label: string;
  contentId?: string;
  url?: string;
  children?: MenuItem[];
}

/** Levels the server accepts: entries, sub-entries and their sub-entries. */
export const MENU_LEVELS = 3;

/** Where an entry sits: its index at each level, from the top (`[1, 0]` = first child of the second entry). */
export type MenuPath = readonly number[];

/** A menu entry as the editor lists it, with what can be done to it. */
export interface MenuRow {
  item: MenuItem;
  path: MenuPath;
  /** `0/2`: stable text of the path, for keys and focus. */
  key: string;
  first: boolean;
  last: boolean;
  /** The entry it would go under when indented (its previous sibling), if allowed. */
  indentUnder: MenuItem | null;
  /** Its parent, when it can move up one level. */
  outdentFrom: MenuItem | null;
  canAddChild: boolean;
  children: MenuRow[];
}

/** A copy of `items` with the entry at `index` moved by `delta` places (unchanged at the ends). */
export function moveItem<T>(items: readonly T[], index: number, delta: -1 | 1): T[] {
  const target = index + delta;
  const copy = [...items];
  if (index < 0 || index >= items.length || target < 0 || target >= items.length) return copy;
  [copy[index], copy[target]] = [copy[target]!, copy[index]!];
  return copy;
}

/**
 * Spreads the server's field errors over the menu rows: `/menus/main/2/url` → key `main/2`,
 * `/menus/main/2/children/0/url` → key `main/2/0`.
 * Errors that name no row come back in `other`.
 */
export function menuRowErrors(errors: readonly FieldProblem[]): { rows: Map<string, string[]>; other: string[] } {
  const rows = new Map<string, string[]>();
  const other: string[] = [];
  for (const error of errors) {
    const match = /^\/menus\/(main|footer)\/(\d+(?:\/children\/\d+)*)(\/|$)/.exec(error.pointer);
    if (!match) {
      other.push(error.message);
      continue;
    }
    const key = `${match[1]}/${match[2]!.replaceAll('/children/', '/')}`;
    rows.set(key, [...(rows.get(key) ?? []), error.message]);
  }
  return { rows, other };
}

export const pathKey = (path: MenuPath): string => path.join('/');

/** How many levels an entry and its sub-entries take (1 for an entry without children). */
function height(item: MenuItem): number {
  return 1 + Math.max(0, ...(item.children ?? []).map(height));
}

/** The rows of a menu, nested like the entries. */
export function menuRows(items: readonly MenuItem[], parent: MenuPath = [], parentItem: MenuItem | null = null): MenuRow[] {
  return items.map((item, index) => {
    const path = [...parent, index];
    const previous = index > 0 ? items[index - 1]! : null;
    return {
      item,
      path,
      key: pathKey(path),
      first: index === 0,
      last: index === items.length - 1,
      indentUnder: previous && path.length + height(item) <= MENU_LEVELS ? previous : null,
      outdentFrom: parentItem,
      canAddChild: path.length < MENU_LEVELS,
      children: menuRows(item.children ?? [], path, item),
    };
  });
}

/** The entries that can receive a sub-entry, in reading order, for a « placer sous » choice. */
export function parentChoices(items: readonly MenuItem[]): Array<{ key: string; label: string }> {
  const visit = (rows: MenuRow[]): Array<{ key: string; label: string }> =>
    rows.flatMap((row) => (row.canAddChild ? [{ key: row.key, label: `${'— '.repeat(row.path.length - 1)}${row.item.label}` }, ...visit(row.children)] : []));
  return visit(menuRows(items));
}

export function parsePathKey(key: string): MenuPath {
  return key === '' ? [] : key.split('/').map(Number);
}

/** A copy of the tree where the sibling list holding `path`'s last index is replaced by `change(siblings)`. */
function withSiblings(items: readonly MenuItem[], parent: MenuPath, change: (siblings: MenuItem[]) => MenuItem[]): MenuItem[] {
  if (parent.length === 0) return change([...items]);
  const [head, ...rest] = parent;
  return items.map((item, index) => (index === head ? withChildren(item, withSiblings(item.children ?? [], rest, change)) : item));
}

function withChildren(item: MenuItem, children: MenuItem[]): MenuItem {
  const copy: MenuItem = { ...item };
  delete copy.children;
  return children.length > 0 ? { ...copy, children } : copy;
}

export function itemAt(items: readonly MenuItem[], path: MenuPath): MenuItem | undefined {
  let level: readonly MenuItem[] = items;
  let found: MenuItem | undefined;
  for (const index of path) {
    found = level[index];
    if (!found) return undefined;
    level = found.children ?? [];
  }
  return found;
}

export interface MenuChange {
  items: MenuItem[];
  /** Where the entry acted on now is. */
  path: MenuPath;
}

/** Moves an entry up or down among its siblings (unchanged at the ends). */
export function moveEntry(items: readonly MenuItem[], path: MenuPath, delta: -1 | 1): MenuChange {
  const parent = path.slice(0, -1);
  const index = path[path.length - 1]!;
  const siblings = parent.length === 0 ? items : (itemAt(items, parent)?.children ?? []);
  const target = index + delta;
  if (target < 0 || target >= siblings.length) return { items: [...items], path };
  return { items: withSiblings(items, parent, (list) => moveItem(list, index, delta)), path: [...parent, target] };
}

export function removeEntry(items: readonly MenuItem[], path: MenuPath): MenuItem[] {
  const index = path[path.length - 1]!;
  return withSiblings(items, path.slice(0, -1), (siblings) => siblings.filter((_, i) => i !== index));
}

/** Appends `entry` under the entry at `parent` (`[]`: at the top level). */
export function addEntry(items: readonly MenuItem[], parent: MenuPath, entry: MenuItem): MenuChange {
  if (parent.length >= MENU_LEVELS) return { items: [...items], path: parent };
  let index = 0;
  const changed = withSiblings(items, parent, (siblings) => {
    index = siblings.length;
    return [...siblings, entry];
  });
  return { items: changed, path: [...parent, index] };
}

/** Makes an entry the last sub-entry of its previous sibling (when the levels allow it). */
export function indentEntry(items: readonly MenuItem[], path: MenuPath): MenuChange {
  const index = path[path.length - 1]!;
  const entry = itemAt(items, path);
  if (!entry || index === 0 || path.length + height(entry) > MENU_LEVELS) return { items: [...items], path };
  const previousPath = [...path.slice(0, -1), index - 1];
  return addEntry(removeEntry(items, path), previousPath, entry);
}

/** Moves an entry out of its parent, just after it. */
export function outdentEntry(items: readonly MenuItem[], path: MenuPath): MenuChange {
  const entry = itemAt(items, path);
  if (!entry || path.length < 2) return { items: [...items], path };
  const parentPath = path.slice(0, -1);
  const parentIndex = parentPath[parentPath.length - 1]!;
  const grandParent = parentPath.slice(0, -1);
  const changed = withSiblings(removeEntry(items, path), grandParent, (siblings) => [...siblings.slice(0, parentIndex + 1), entry, ...siblings.slice(parentIndex + 1)]);
  return { items: changed, path: [...grandParent, parentIndex + 1] };
}
