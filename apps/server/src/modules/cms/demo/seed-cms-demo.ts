import type { MessageBus } from '../../../platform/bus/index.js';
import { newId, withTransaction, type Database, type Tx } from '../../../platform/db/index.js';
import { pathOf } from '../contents/content-paths.js';
import { plainTextOf, slugify } from '../contents/content-text.js';
import { insertContentRow, updateContentRow } from '../contents/contents.repository.js';
import { cmsCategories } from '../contents/contents.tables.js';
import { appendRevision } from '../contents/revisions.repository.js';
import { DEFAULT_THEME } from '../sites/sites.service.js';
import { insertSiteRow } from '../sites/sites.repository.js';
import { upsertOffers } from '../syndication/syndication.repository.js';
import { publishCurrentRevision } from '../workflow/publication.js';
import { DEMO_SITES, demoBody, SYNDICATED_TITLE, type DemoItem, type DemoSite } from './demo-content.js';

export interface CmsDemoResult {
  sites: number;
  contents: number;
  alreadyPresent: boolean;
  /** One line for the seed console. */
  summary: string;
}

const DAY = 86_400_000;

/**
 * Demo sites (national, Rhône, Paris) with pages and news, one national article syndicated to both
 * branches. Idempotent: does nothing when the national site exists. Publication goes through the
 * same code as the API, so `cms.content-published` is sent for every published item.
 */
export async function seedCmsDemo(context: { database: Database; bus: MessageBus }, now: Date = new Date()): Promise<CmsDemoResult> {
  const { database, bus } = context;
  return withTransaction(database, { kind: 'system' }, async (tx) => {
    const { rows: existing } = await tx.client.query(`SELECT 1 FROM cms_sites WHERE slug = $1`, [DEMO_SITES[0]!.slug]);
    if (existing.length > 0) return { sites: 0, contents: 0, alreadyPresent: true, summary: 'already present' };
    const { rows: entities } = await tx.client.query<{ id: string; code: string }>(`SELECT id, code FROM entities WHERE code = ANY($1::text[])`, [
      DEMO_SITES.map((site) => site.entityCode),
    ]);
    const entityIds = new Map(entities.map((entity) => [entity.code, entity.id]));
    const result = { sites: 0, contents: 0 };
    const siteIds = new Map<string, { id: string; entityId: string }>();
    let syndicated: string | null = null;
    for (const demo of DEMO_SITES) {
      const entityId = entityIds.get(demo.entityCode);
      if (!entityId) continue;
      const siteId = await insertDemoSite(tx, demo, entityId);
      siteIds.set(demo.entityCode, { id: siteId, entityId });
      result.sites += 1;
      const categories = await insertCategories(tx, demo, siteId, entityId);
      for (const item of demo.items) {
        const contentId = await insertItem(tx, bus, { siteId, entityId, item, categories, now });
        if (item.title === SYNDICATED_TITLE && demo.entityCode === 'FR') syndicated = contentId;
        result.contents += 1;
      }
    }
    const national = siteIds.get('FR');
    const targets = ['69', '75'].map((code) => siteIds.get(code)).filter((site) => site !== undefined);
    if (syndicated && national && targets.length > 0) {
      await upsertOffers(tx, { contentId: syndicated, originSiteId: national.id, offeredBy: null, targets: targets.map((site) => ({ id: site.id, entity_id: site.entityId })) });
      await tx.client.query(`UPDATE cms_syndications SET status = 'accepted', decided_at = now() WHERE content_id = $1`, [syndicated]);
    }
    return { ...result, alreadyPresent: false, summary: `${result.sites} sites, ${result.contents} contents created` };
  });
}

async function insertDemoSite(tx: Tx, demo: DemoSite, entityId: string): Promise<string> {
  const id = newId();
  await insertSiteRow(tx, {
    id,
    entityId,
    slug: demo.slug,
    name: demo.name,
    theme: { ...DEFAULT_THEME, primaryColour: demo.primaryColour, footerText: demo.footerText },
    hostNames: [],
    menus: { main: [], footer: [] },
  });
  return id;
}

async function insertCategories(tx: Tx, demo: DemoSite, siteId: string, entityId: string): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const name of demo.categories) {
    const id = newId();
    await tx.db.insert(cmsCategories).values({ id, entityId, siteId, slug: slugify(name), name });
    ids.set(name, id);
  }
  return ids;
}

async function insertItem(
  tx: Tx,
  bus: MessageBus,
  input: { siteId: string; entityId: string; item: DemoItem; categories: Map<string, string>; now: Date },
): Promise<string> {
  const { item, siteId, entityId } = input;
  const id = newId();
  const slug = slugify(item.title);
  const body = demoBody(item);
  const categoryId = item.category ? input.categories.get(item.category) : undefined;
  const fields = item.kind === 'article' ? { tags: item.tags ?? [], author: item.author ?? null, ...(categoryId ? { categoryIds: [categoryId] } : {}) } : {};
  const row = await insertContentRow(tx, {
    id,
    entityId,
    siteId,
    kind: item.kind,
    slug,
    path: pathOf(item.kind, slug, null),
    title: item.title,
    summary: item.summary ?? null,
    body,
    fields,
    featured: item.featured ?? false,
  });
  const revision = await appendRevision(tx, { entityId, contentId: id, authorId: null, title: item.title, summary: row.summary, body, fields, plainText: plainTextOf(body) });
  const current = await updateContentRow(tx, id, row.version, { currentRevisionId: revision.id });
  if (!item.draft) {
    const publishedAt = new Date(input.now.getTime() - (item.daysAgo ?? 30) * DAY);
    await publishCurrentRevision(tx, bus, current!, publishedAt, null);
  }
  return id;
}
