import { describe, expect, it } from 'vitest';
import { EntityTree, EntityTreeCache, type EntityNode } from './entity-tree.js';

const node = (id: string, parentId: string | null, kind: EntityNode['kind'] = 'departement'): EntityNode => ({ id, parentId, code: id, kind, name: id });
const NODES = [node('FR', null, 'national'), node('R84', 'FR', 'region'), node('R11', 'FR', 'region'), node('69', 'R84'), node('01', 'R84'), node('75', 'R11')];

describe('EntityTree', () => {
  const tree = new EntityTree(NODES);

  it('walks descendants and ancestors', () => {
    expect(tree.descendants('R84').sort()).toEqual(['01', '69', 'R84']);
    expect(tree.descendants('unknown')).toEqual([]);
    expect(tree.ancestors('69')).toEqual(['R84', 'FR']);
    expect(tree.ancestors('FR')).toEqual([]);
  });

  it('expands roots to their subtrees', () => {
    expect([...tree.expand(['R11', '69'])].sort()).toEqual(['69', '75', 'R11']);
    expect(tree.expand([]).size).toBe(0);
  });

  it('reduces a set of ids to its minimal roots', () => {
    expect(tree.minimalRoots(['69', 'R84', '75', '01'])).toEqual(['75', 'R84']);
    expect(tree.minimalRoots(['69', 'FR', 'ghost'])).toEqual(['FR']);
    expect(tree.isWithin('69', 'FR')).toBe(true);
    expect(tree.isWithin('75', 'R84')).toBe(false);
  });
});

describe('EntityTreeCache', () => {
  it('loads lazily once, shares a concurrent load and reloads after invalidate()', async () => {
    let loads = 0;
    let nodes = NODES;
    const cache = new EntityTreeCache(async () => {
      loads += 1;
      return nodes;
    });
    const [a, b] = await Promise.all([cache.current(), cache.current()]);
    expect(loads).toBe(1);
    expect(a).toBe(b);
    expect(await cache.current()).toBe(a);
    nodes = [...NODES, node('69-north', '69')];
    cache.invalidate();
    const reloaded = await cache.current();
    expect(loads).toBe(2);
    expect(reloaded.descendants('69')).toContain('69-north');
  });

  it('reloads a snapshot older than its maximum age', async () => {
    let loads = 0;
    const cache = new EntityTreeCache(async () => {
      loads += 1;
      return NODES;
    }, 0);
    await cache.current();
    await cache.current();
    expect(loads).toBe(2);
  });
});
