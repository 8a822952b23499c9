import { newId, withOwnerClient, type Database } from '../../platform/db/index.js';
import { richTextToPlainText, type RichTextDocument } from '../../modules/cms/rich-text/index.js';

/**
 * Test data for delivery tests, written as the database owner the way the authoring module stores
 * it (site, content + revision, publication = `published_revision_id` set). The delivery triggers
 * fire as they do for the authoring API.
 */
export async function insertSite(database: Database, input: { entityId: string; slug: string; name: string; hostNames?: string[]; theme?: Record<string, unknown>; menus?: Record<string, unknown> }): Promise<string> {
  const id = newId();
  await withOwnerClient(database, (client) =>
    client.query('INSERT INTO cms_sites (id, entity_id, slug, name, theme, host_names, menus) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
      id,
      input.entityId,
      input.slug,
      input.name,
      JSON.stringify({ logoMediaId: null, primaryColour: '#1d3d6b', accentColour: '#0b5cad', footerText: `© ${input.name}`, ...input.theme }),
      input.hostNames ?? [],
      JSON.stringify(input.menus ?? { main: [], footer: [] }),
    ]),
  );
  return id;
}

export interface ContentSeed {
  siteId: string;
  entityId: string;
  kind: 'page' | 'article' | 'document';
  slug: string;
  title: string;
  summary?: string | null;
  body?: RichTextDocument;
  fields?: Record<string, unknown>;
  visibility?: 'public' | 'members';
  featured?: boolean;
  parentId?: string | null;
  path?: string;
  published?: boolean;
  publishedAt?: Date;
}

export const paragraphs = (...texts: string[]): RichTextDocument => ({ type: 'doc', content: texts.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })) });

export async function insertContent(database: Database, seed: ContentSeed): Promise<{ id: string; revisionId: string }> {
  const id = newId();
  const revisionId = newId();
  const body = seed.body ?? paragraphs(`Texte de ${seed.title}.`);
  const path = seed.path ?? (seed.kind === 'article' ? `/actualites/${seed.slug}` : seed.kind === 'document' ? `/documents/${seed.slug}` : `/${seed.slug}`);
  const published = seed.published ?? true;
  const publishedAt = seed.publishedAt ?? new Date();
  await withOwnerClient(database, async (client) => {
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO cms_contents (id, entity_id, site_id, kind, parent_id, slug, path, status, visibility, title, summary, body, fields, featured,
         published_at, last_published_at, published_revision_id, current_revision_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15, $16, $17)`,
      [
        id, seed.entityId, seed.siteId, seed.kind, seed.parentId ?? null, seed.slug, path, published ? 'published' : 'draft', seed.visibility ?? 'public',
        seed.title, seed.summary ?? null, JSON.stringify(body), JSON.stringify(seed.fields ?? {}), seed.featured ?? false,
        published ? publishedAt : null, published ? revisionId : null, revisionId,
      ],
    );
    await client.query(
      `INSERT INTO cms_revisions (id, entity_id, content_id, number, title, summary, body, fields, plain_text) VALUES ($1, $2, $3, 1, $4, $5, $6, $7, $8)`,
      [revisionId, seed.entityId, id, seed.title, seed.summary ?? null, JSON.stringify(body), JSON.stringify(seed.fields ?? {}), richTextToPlainText(body)],
    );
    await client.query('COMMIT');
  });
  return { id, revisionId };
}

/** Publishes the content's current revision (or unpublishes it). */
export async function setPublished(database: Database, contentId: string, published: boolean): Promise<void> {
  await withOwnerClient(database, (client) =>
    client.query(
      published
        ? `UPDATE cms_contents SET status = 'published', published_revision_id = current_revision_id, published_at = coalesce(published_at, now()), last_published_at = now() WHERE id = $1`
        : `UPDATE cms_contents SET status = 'draft', published_revision_id = NULL, published_at = NULL WHERE id = $1`,
      [contentId],
    ),
  );
}

export async function insertCategory(database: Database, input: { siteId: string; entityId: string; slug: string; name: string }): Promise<string> {
  const id = newId();
  await withOwnerClient(database, (client) => client.query('INSERT INTO cms_categories (id, entity_id, site_id, slug, name) VALUES ($1, $2, $3, $4, $5)', [id, input.entityId, input.siteId, input.slug, input.name]));
  return id;
}

export async function insertSyndication(database: Database, input: { contentId: string; originSiteId: string; targetSiteId: string; targetEntityId: string; status: 'offered' | 'accepted' | 'declined' | 'withdrawn' }): Promise<void> {
  await withOwnerClient(database, (client) =>
    client.query('INSERT INTO cms_syndications (id, entity_id, content_id, origin_site_id, target_site_id, status) VALUES ($1, $2, $3, $4, $5, $6)', [
      newId(), input.targetEntityId, input.contentId, input.originSiteId, input.targetSiteId, input.status,
    ]),
  );
}

/** An event of the events module, as its API stores it (public and published unless told). */
export async function insertEvent(
  database: Database,
  input: { entityId: string; title: string; startsAt: Date; endsAt: Date; visibility?: 'public' | 'members'; status?: 'draft' | 'published' | 'cancelled'; place?: { name: string; address?: string; postalCode?: string; commune?: string }; onlineUrl?: string; capacity?: number; priceCents?: number; description?: string },
): Promise<string> {
  const id = newId();
  await withOwnerClient(database, (client) =>
    client.query(
      `INSERT INTO events (id, entity_id, title, description, starts_at, ends_at, place_name, place_address, place_postal_code, place_commune, online_url, capacity, price_cents, visibility, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
      [
        id,
        input.entityId,
        input.title,
        input.description ?? null,
        input.startsAt,
        input.endsAt,
        input.place?.name ?? null,
        input.place?.address ?? null,
        input.place?.postalCode ?? null,
        input.place?.commune ?? null,
        input.onlineUrl ?? null,
        input.capacity ?? null,
        input.priceCents ?? 0,
        input.visibility ?? 'public',
        input.status ?? 'published',
      ],
    ),
  );
  return id;
}
