import { describe, expect, it } from 'vitest';
import { menuRowErrors, moveItem } from './menu-model';

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
  });
});
