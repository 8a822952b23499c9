import type { EntityTreeNode } from './entity-tree';

export interface ParentChoice {
  id: string;
  name: string;
  depth: number;
}

/** Every node of the tree except `excludedId` and what lies below it (a parent there would make a cycle). */
export function parentChoices(roots: readonly EntityTreeNode[], excludedId: string): ParentChoice[] {
  const choices: ParentChoice[] = [];
  const visit = (node: EntityTreeNode, depth: number): void => {
    if (node.id === excludedId) return;
    choices.push({ id: node.id, name: node.name, depth });
    for (const child of node.children) visit(child, depth + 1);
  };
  for (const root of roots) visit(root, 0);
  return choices;
}
