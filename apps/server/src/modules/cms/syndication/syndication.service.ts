import { recordAudit } from '../../../platform/audit/index.js';
import { withTransaction, type Database, type DbScope } from '../../../platform/db/index.js';
import { ConflictError, ForbiddenError, NotFoundError, PreconditionFailedError, ValidationError } from '../../../platform/http/errors.js';
import { scopeFor, type CmsActor } from '../core/cms-actor.js';
import type { CmsDeps } from '../core/cms-deps.js';
import { requireContentRow } from '../contents/content-access.js';
import { CMS_PERMISSIONS } from '../core/permissions.js';
import { contentUrl } from '../published/site-url.js';
import { findSiteRow } from '../sites/sites.repository.js';
import { requireSiteRow } from '../sites/sites.service.js';
import {
  descendantSites,
  findSyndication,
  listInbox,
  listSyndicationsOfContent,
  readOrigins,
  setSyndicationStatus,
  upsertOffers,
  type SyndicationRow,
} from './syndication.repository.js';
import type { OfferSyndication, Syndication } from './syndication.schema.js';
import type { SyndicationStatus } from './syndication.tables.js';

/** Attaches the origin article's public face; read under the system scope (a branch cannot read the national site's rows). */
async function withOrigins(database: Database, rows: SyndicationRow[]): Promise<Syndication[]> {
  const origins = await withTransaction(database, { kind: 'system' }, (tx) => readOrigins(tx, [...new Set(rows.map((row) => row.content_id))]), { readOnly: true });
  return rows.map((row) => {
    const origin = origins.get(row.content_id)!;
    return {
      id: row.id,
      contentId: row.content_id,
      originSiteId: row.origin_site_id,
      targetSiteId: row.target_site_id,
      entityId: row.entity_id,
      status: row.status,
      offeredBy: row.offered_by,
      offeredAt: new Date(row.offered_at).toISOString(),
      decidedBy: row.decided_by,
      decidedAt: row.decided_at ? new Date(row.decided_at).toISOString() : null,
      version: row.version,
      content: {
        title: origin.title,
        summary: origin.summary,
        originSiteName: origin.site_name,
        live: origin.live,
        visibility: origin.visibility,
        publishedAt: origin.published_at ? new Date(origin.published_at).toISOString() : null,
        canonicalUrl: contentUrl({ slug: origin.site_slug, hostNames: origin.host_names }, origin.path),
      },
    };
  });
}

/** Offers an article of the caller's site to all or some sites of descendant entities (publish permission on the origin). */
export async function offerSyndication(deps: CmsDeps, actor: CmsActor, contentId: string, input: OfferSyndication): Promise<Syndication[]> {
  const scope = scopeFor(actor, CMS_PERMISSIONS.publish);
  // Transactions one after the other, never nested: on PGlite the pool has a single connection.
  const origin = await withTransaction(deps.database, scope, (tx) => requireContentRow(tx, contentId), { readOnly: true });
  if (origin.kind !== 'article') {
    throw new ValidationError([{ pointer: '/targets', message: 'Seuls les articles peuvent être proposés aux sites du réseau.' }]);
  }
  if (origin.status === 'archived') throw new ConflictError('An archived article cannot be offered.', 'invalid_workflow_transition');
  const candidates = await withTransaction(deps.database, { kind: 'system' }, (tx) => descendantSites(tx, origin.entityId), { readOnly: true });
  let targets = candidates;
  if (input.targets !== 'all') {
    const byId = new Map(candidates.map((site) => [site.id, site]));
    const errors = input.targets.flatMap((id, index) =>
      byId.has(id) ? [] : [{ pointer: `/targets/${index}`, message: "Ce site n'appartient pas à une structure rattachée à la vôtre." }],
    );
    if (errors.length > 0) throw new ValidationError(errors);
    targets = input.targets.map((id) => byId.get(id)!);
  }
  if (targets.length === 0) throw new ValidationError([{ pointer: '/targets', message: "Aucune structure rattachée à la vôtre n'a de site." }]);
  const rows = await withTransaction(deps.database, scope, async (tx) => {
    const content = await requireContentRow(tx, contentId, { forUpdate: true });
    await upsertOffers(tx, { contentId, originSiteId: content.siteId, offeredBy: actor.principal.userId, targets });
    await recordAudit(tx, {
      action: 'cms.content.syndicated',
      resourceType: 'cms_content',
      resourceId: contentId,
      entityId: content.entityId,
      after: { targets: targets.map((site) => site.id) },
      actor: actor.audit,
    });
    return listSyndicationsOfContent(tx, contentId);
  });
  return withOrigins(deps.database, rows);
}

/** The offers of one article (origin side). */
export async function syndicationsOfContent(database: Database, scope: DbScope, contentId: string): Promise<Syndication[]> {
  const rows = await withTransaction(
    database,
    scope,
    async (tx) => {
      await requireContentRow(tx, contentId);
      return listSyndicationsOfContent(tx, contentId);
    },
    { readOnly: true },
  );
  return withOrigins(database, rows);
}

/** What was offered to a site (receiving side). */
export async function syndicationInbox(database: Database, scope: DbScope, siteId: string, status: SyndicationStatus | undefined): Promise<Syndication[]> {
  const rows = await withTransaction(
    database,
    scope,
    async (tx) => {
      await requireSiteRow(tx, siteId);
      return listInbox(tx, siteId, status);
    },
    { readOnly: true },
  );
  return withOrigins(database, rows);
}

/**
 * The target's publishers accept or decline (either can be reversed later); the origin's publishers
 * withdraw. The row belongs to the target's entity, which is in the origin's subtree: both see it.
 */
export async function decideSyndication(
  deps: CmsDeps,
  actor: CmsActor,
  id: string,
  expected: number | '*',
  decision: 'accepted' | 'declined' | 'withdrawn',
): Promise<Syndication> {
  const row = await withTransaction(deps.database, scopeFor(actor, CMS_PERMISSIONS.publish), async (tx) => {
    const current = await findSyndication(tx, id, true);
    if (!current) throw new NotFoundError('Syndication');
    if (expected !== '*' && expected !== current.version) throw new PreconditionFailedError();
    if (decision === 'withdrawn') {
      const origin = await findSiteRow(tx, current.origin_site_id);
      if (!origin || !actor.principal.holdsOn(CMS_PERMISSIONS.publish, origin.entityId)) {
        throw new ForbiddenError("Only the origin site's publishers can withdraw an offer.", 'cms_permission_required');
      }
    } else if (current.status === 'withdrawn') {
      throw new ConflictError('The origin withdrew this offer.', 'syndication_withdrawn');
    }
    if (current.status === decision) return current;
    const updated = await setSyndicationStatus(tx, id, decision, actor.principal.userId);
    await recordAudit(tx, {
      action: `cms.syndication.${decision}`,
      resourceType: 'cms_syndication',
      resourceId: id,
      entityId: current.entity_id,
      before: { status: current.status },
      after: { status: decision },
      actor: actor.audit,
    });
    return updated;
  });
  const [syndication] = await withOrigins(deps.database, [row]);
  return syndication!;
}
