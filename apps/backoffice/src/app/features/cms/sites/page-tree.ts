import type { ResponseOf } from '../../../core/api/api-types';

type PageTreeResponse = ResponseOf<'/api/v1/cms/sites/{siteId}/page-tree'>;
export type PageNode = Omit<PageTreeResponse['items'][number], 'children'> & { children: unknown[] };

/** One line of the indented page tree: the node, its parent, its rank among its siblings. */
export interface PageRow {
  node: PageNode;
  depth: number;
  parentId: string | null;
  index: number;
  siblings: number;
}

export function flattenTree(nodes: readonly unknown[], depth = 0, parentId: string | null = null): PageRow[] {
  const list = nodes as PageNode[];
  return list.flatMap((node, index) => [{ node, depth, parentId, index, siblings: list.length }, ...flattenTree(node.children, depth + 1, node.id)]);
}
