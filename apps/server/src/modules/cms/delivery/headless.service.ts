import { and, eq, isNotNull, or, sql, type SQL } from 'drizzle-orm';
import { withTransaction, type Database, type Tx } from '../../../platform/db/index.js';
import type { CollectionQuery } from '../../../platform/http/collection.js';
import { fetchPage, type CollectionPage } from '../../../platform/http/collection-sql.js';
import { NotFoundError } from '../../../platform/http/errors.js';
import { cmsContents } from '../contents/contents.tables.js';
import { renderRichText, type RichTextDocument } from '../rich-text/index.js';
import { findCategoriesByIds, findCategoryBySlug, findLiveByPath, findSitesByIds, type ContentFieldsRow, type SiteRow } from './delivery.repository.js';
import { publicContentCollection } from './headless.collection.js';
import type { PublicContent, PublicContentSummary } from './headless.schema.js';
import { normalisePath } from './site-responder.js';
import { canonicalBase } from './site-view.js';

export interface HeadlessDeps {
  database: Database;
  publicUrl: string;
}

interface Row {
  id: string;
  siteId: string;
  kind: 'page' | 'article' | 'document';
  path: string;
  publishedAt: Date;
  revision: { title: string; summary: string | null; fields: ContentFieldsRow | null; lastPublishedAt: string | null };
}

const SYSTEM = { kind: 'system' } as const;
const siteNotFound = () => new NotFoundError('Aucun site public ne porte ce nom.');

/** Published, public contents of a site (its own and the articles syndicated to it). */
export async function listPublicContents(deps: HeadlessDeps, site: SiteRow | null, query: CollectionQuery, extra: { category?: string; tag?: string }): Promise<CollectionPage<PublicContentSummary>> {
  if (!site) throw siteNotFound();
  return withTransaction(
    deps.database,
    SYSTEM,
    async (tx) => {
      const conditions: (SQL | undefined)[] = [
        isNotNull(cmsContents.publishedRevisionId),
        eq(cmsContents.visibility, 'public'),
        or(
          eq(cmsContents.siteId, site.id),
          and(
            eq(cmsContents.kind, 'article'),
            sql`${cmsContents.id} IN (SELECT s.content_id FROM cms_syndications s WHERE s.target_site_id = ${site.id} AND s.status IN ('offered', 'accepted'))`,
          ),
        ),
      ];
      if (extra.category) {
        const category = await findCategoryBySlug(tx, site.id, extra.category);
        if (!category) return { items: [], nextCursor: null, nextAfter: null, ...(query.count !== 'none' ? { count: 0 } : {}) };
        conditions.push(sql`EXISTS (SELECT 1 FROM cms_revisions r WHERE r.id = ${cmsContents.publishedRevisionId} AND r.fields->'categoryIds' ? ${category.id})`);
      }
      if (extra.tag) conditions.push(sql`EXISTS (SELECT 1 FROM cms_revisions r WHERE r.id = ${cmsContents.publishedRevisionId} AND r.fields->'tags' ? ${extra.tag})`);
      const page = await fetchPage<Row>(tx, publicContentCollection, query, {
        table: cmsContents,
        columns: {
          id: cmsContents.id,
          siteId: cmsContents.siteId,
          kind: cmsContents.kind,
          path: cmsContents.path,
          publishedAt: cmsContents.publishedAt,
          revision: sql`(SELECT jsonb_build_object('title', r.title, 'summary', r.summary, 'fields', r.fields, 'lastPublishedAt', ${cmsContents.lastPublishedAt}) FROM cms_revisions r WHERE r.id = ${cmsContents.publishedRevisionId})`.as('revision'),
        },
        where: and(...conditions),
      });
      const summaries = await toSummaries(tx, deps, site, page.items);
      return { ...page, items: summaries };
    },
    { readOnly: true },
  );
}

async function toSummaries(tx: Tx, deps: HeadlessDeps, site: SiteRow, rows: readonly Row[]): Promise<PublicContentSummary[]> {
  const origins = new Map((await findSitesByIds(tx, [...new Set(rows.map((row) => row.siteId).filter((id) => id !== site.id))])).map((origin) => [origin.id, origin]));
  const categoryIds = [...new Set(rows.flatMap((row) => (row.siteId === site.id && Array.isArray(row.revision.fields?.categoryIds) ? row.revision.fields.categoryIds : [])))];
  const categories = new Map((await findCategoriesByIds(tx, site.id, categoryIds)).map((category) => [category.id, category]));
  return rows.map((row) => summaryOf(deps, site, row, origins.get(row.siteId) ?? null, categories));
}

function summaryOf(deps: HeadlessDeps, site: SiteRow, row: Row, origin: SiteRow | null, categories: Map<string, { slug: string; name: string }>): PublicContentSummary {
  const fields = row.revision.fields ?? {};
  const base = canonicalBase(origin ?? site, deps.publicUrl);
  const publishedAt = new Date(row.publishedAt);
  return {
    id: row.id,
    kind: row.kind,
    title: row.revision.title,
    summary: row.revision.summary,
    path: row.path,
    url: `${base}${row.path === '/accueil' ? '/' : row.path}`,
    publishedAt: publishedAt.toISOString(),
    updatedAt: (row.revision.lastPublishedAt ? new Date(row.revision.lastPublishedAt) : publishedAt).toISOString(),
    author: typeof fields.author === 'string' ? fields.author : null,
    tags: Array.isArray(fields.tags) ? fields.tags.filter((tag): tag is string => typeof tag === 'string') : [],
    categories: origin
      ? []
      : (Array.isArray(fields.categoryIds) ? fields.categoryIds : [])
          .map((id) => categories.get(id))
          .filter((category): category is { slug: string; name: string } => category !== undefined)
          .map(({ slug, name }) => ({ slug, name })),
    coverMediaId: typeof fields.coverMediaId === 'string' ? fields.coverMediaId : null,
    syndicatedFrom: origin ? { siteSlug: origin.slug, siteName: origin.name } : null,
  };
}

/** One published, public content of a site by its path (404 otherwise, members-only included). */
export async function readPublicContent(deps: HeadlessDeps, site: SiteRow | null, rawPath: string): Promise<PublicContent> {
  if (!site) throw siteNotFound();
  const path = normalisePath(rawPath);
  const notFound = () => new NotFoundError('Aucun contenu publié à cette adresse.');
  if (!path) throw notFound();
  return withTransaction(
    deps.database,
    SYSTEM,
    async (tx) => {
      const row = await findLiveByPath(tx, site.id, path);
      if (!row) throw notFound();
      const [summary] = await toSummaries(tx, deps, site, [
        {
          id: row.id,
          siteId: row.origin_site_id ?? site.id,
          kind: row.kind,
          path: row.path,
          publishedAt: row.published_at,
          revision: { title: row.title, summary: row.summary, fields: row.fields, lastPublishedAt: row.last_published_at ? new Date(row.last_published_at).toISOString() : null },
        },
      ]);
      // Media are resolved by the front-end from the ids; images render without a media library here.
      return { ...summary!, body: row.body as RichTextDocument, bodyHtml: renderRichText(row.body, { resolveMedia: () => null }), plainText: row.plain_text };
    },
    { readOnly: true },
  );
}
