import { describe, expect, it } from 'vitest';
import { addEntry, indentEntry, menuRowErrors, menuRows, moveEntry, moveItem, outdentEntry, parentChoices, removeEntry, type MenuItem } from './menu-model';

describe('menu model', () => {
  it('moves an entry up or down, and leaves the ends alone', () => {
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });

  it('puts server errors on the rows they name', () => {
    const { rows, other } = menuRowErrors([
      { pointer: '/menus/main/2/contentId', message: 'Ce contenu n’existe pas dans ce site.' },
      { pointer: '/menus/footer/0', message: 'Indiquez soit un contenu du site, soit une adresse.' },
      { pointer: '/name', message: 'Autre' },
    ]);
    expect(rows.get('main/2')).toEqual(['Ce contenu n’existe pas dans ce site.']);
    expect(rows.get('footer/0')).toHaveLength(1);
    expect(other).toEqual(['Autre']);
    expect(menuRowErrors([{ pointer: '/menus/main/1/children/0/children/2/url', message: 'Adresse' }]).rows.get('main/1/0/2')).toEqual(['Adresse']);
  });

  const entry = (label: string, children?: MenuItem[]): MenuItem => ({ label, url: `/${label}`, ...(children ? { children } : {}) });
  const labels = (items: readonly MenuItem[]): unknown => items.map((item) => (item.children ? [item.label, labels(item.children)] : item.label));

  it('adds sub-entries, indents under the previous sibling and outdents after the parent', () => {
    let menu = [entry('a'), entry('b'), entry('c')];
    const indented = indentEntry(menu, [1]);
    expect(labels(indented.items)).toEqual([['a', ['b']], 'c']);
    expect(indented.path).toEqual([0, 0]);
    menu = addEntry(indented.items, [0, 0], entry('d')).items;
    expect(labels(menu)).toEqual([['a', [['b', ['d']]]], 'c']);
    // Three levels at most: nothing goes under d, and a (three levels itself) cannot go under another entry.
    const withFirst = [entry('x'), ...menu];
    expect(indentEntry(withFirst, [1]).items).toEqual(withFirst);
    expect(menuRows(withFirst)[1]!.indentUnder).toBeNull();
    expect(menuRows(withFirst)[2]!.indentUnder).toEqual(menu[0]);
    expect(addEntry(menu, [0, 0, 0], entry('x')).items).toEqual(menu);
    expect(menuRows(menu)[0]!.children[0]!.children[0]!.canAddChild).toBe(false);
    const out = outdentEntry(menu, [0, 0]);
    expect(labels(out.items)).toEqual(['a', ['b', ['d']], 'c']);
    expect(out.path).toEqual([1]);
    expect(out.items[0]).toEqual({ label: 'a', url: '/a' });
  });

  it('moves and removes an entry within its own level, and lists the possible parents', () => {
    const menu = [entry('a', [entry('b'), entry('c')]), entry('d')];
    const moved = moveEntry(menu, [0, 1], -1);
    expect(labels(moved.items)).toEqual([['a', ['c', 'b']], 'd']);
    expect(moved.path).toEqual([0, 0]);
    expect(moveEntry(menu, [1], 1)).toEqual({ items: menu, path: [1] });
    expect(labels(removeEntry(menu, [0, 0]))).toEqual([['a', ['c']], 'd']);
    expect(parentChoices(menu)).toEqual([
      { key: '0', label: 'a' },
      { key: '0/0', label: '— b' },
      { key: '0/1', label: '— c' },
      { key: '1', label: 'd' },
    ]);
  });
});
