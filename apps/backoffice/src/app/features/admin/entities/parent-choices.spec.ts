import { describe, expect, it } from 'vitest';
import type { EntityTreeNode } from './entity-tree';
import { parentChoices } from './parent-choices';

const node = (id: string, children: EntityTreeNode[] = []): EntityTreeNode => ({ id, name: id.toUpperCase(), code: id, kind: 'other', parentId: null, children }) as EntityTreeNode;

describe('parents offered when moving an entity', () => {
  it('leaves out the moved entity and its whole subtree, keeps the rest with its depth', () => {
    const tree = [node('fr', [node('r84', [node('69', [node('ut69-nord')]), node('01')]), node('r11', [node('75')])])];
    expect(parentChoices(tree, '69')).toEqual([
      { id: 'fr', name: 'FR', depth: 0 },
      { id: 'r84', name: 'R84', depth: 1 },
      { id: '01', name: '01', depth: 2 },
      { id: 'r11', name: 'R11', depth: 1 },
      { id: '75', name: '75', depth: 2 },
    ]);
  });
});
