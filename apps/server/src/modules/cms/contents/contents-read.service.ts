import { withTransaction, type Database, type DbScope } from '../../../platform/db/index.js';
import type { CollectionQuery } from '../../../platform/http/collection.js';
import type { CollectionPage } from '../../../platform/http/collection-sql.js';
import { requireSiteRow } from '../sites/sites.service.js';
import { requireContentRow } from './content-access.js';
import { fetchContentPage, listPageRows, toContent } from './contents.repository.js';
import type { Content, ContentSummary, PageTreeNode } from './contents.schema.js';

export async function listContents(database: Database, scope: DbScope, query: CollectionQuery): Promise<CollectionPage<ContentSummary>> {
  return withTransaction(database, scope, (tx) => fetchContentPage(tx, query), { readOnly: true });
}

export async function getContent(database: Database, scope: DbScope, id: string): Promise<Content> {
  return withTransaction(database, scope, async (tx) => toContent(await requireContentRow(tx, id)), { readOnly: true });
}

/** The pages of a site as a tree, ordered by position then title. */
export async function pageTree(database: Database, scope: DbScope, siteId: string): Promise<PageTreeNode[]> {
  return withTransaction(
    database,
    scope,
    async (tx) => {
      await requireSiteRow(tx, siteId);
      const rows = await listPageRows(tx, siteId);
      const nodes = new Map<string, PageTreeNode>();
      for (const row of rows) {
        nodes.set(row.id, {
          id: row.id,
          title: row.title,
          slug: row.slug,
          path: row.path,
          status: row.status,
          live: row.publishedRevisionId !== null,
          position: row.position,
          version: row.version,
          children: [],
        });
      }
      const roots: PageTreeNode[] = [];
      for (const row of rows) {
        const node = nodes.get(row.id)!;
        const parent = row.parentId ? nodes.get(row.parentId) : undefined;
        (parent ? parent.children : roots).push(node);
      }
      return roots;
    },
    { readOnly: true },
  );
}
