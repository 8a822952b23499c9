import { recordAudit } from '../../../platform/audit/index.js';
import { newId, withTransaction, type Database, type DbScope, type Tx } from '../../../platform/db/index.js';
import type { CollectionQuery } from '../../../platform/http/collection.js';
import type { CollectionPage } from '../../../platform/http/collection-sql.js';
import { ConflictError, NotFoundError, PreconditionFailedError, ValidationError, type FieldError } from '../../../platform/http/errors.js';
import { syncSiteLogoUsage } from '../contents/content-media.js';
import { scopeFor, type CmsActor } from '../core/cms-actor.js';
import { withUniqueConflicts } from '../core/cms-errors.js';
import { CMS_PERMISSIONS } from '../core/permissions.js';
import { deleteSiteRow, fetchSitePage, findSiteRow, hostNamesTaken, insertSiteRow, siteHasContent, toSite, updateSiteRow, type SiteRow } from './sites.repository.js';
import type { CreateSite, Site, SitePatch } from './sites.schema.js';
import type { MenuItem, SiteMenus, SiteTheme } from './sites.tables.js';

export const DEFAULT_THEME: SiteTheme = { logoMediaId: null, primaryColour: '#1d4f91', accentColour: '#e4a11b', footerText: '' };
const EMPTY_MENUS: SiteMenus = { main: [], footer: [] };

const SITE_CONFLICTS = {
  cms_sites_entity_unique: {
    code: 'site_exists',
    detail: 'This entity already has a site.',
    error: { pointer: '/entityId', message: 'Cette structure a déjà un site.' },
  },
  cms_sites_slug_unique: {
    code: 'site_slug_taken',
    detail: 'Another site uses this slug.',
    error: { pointer: '/slug', message: 'Un autre site utilise déjà cet identifiant.' },
  },
};

export async function listSites(database: Database, scope: DbScope, query: CollectionQuery): Promise<CollectionPage<Site>> {
  return withTransaction(database, scope, (tx) => fetchSitePage(tx, query), { readOnly: true });
}

export async function getSite(database: Database, scope: DbScope, id: string): Promise<Site> {
  return withTransaction(database, scope, async (tx) => toSite(await requireSiteRow(tx, id)), { readOnly: true });
}

export async function requireSiteRow(tx: Tx, id: string, options: { forUpdate?: boolean } = {}): Promise<SiteRow> {
  const row = await findSiteRow(tx, id, options);
  if (!row) throw new NotFoundError('Site');
  return row;
}

export async function createSite(database: Database, actor: CmsActor, input: CreateSite): Promise<Site> {
  const entityId = owningEntity(actor, input.entityId);
  const hostNames = input.hostNames ?? [];
  await assertHostNamesFree(database, hostNames, null);
  return withTransaction(database, scopeFor(actor, CMS_PERMISSIONS.sitesManage), async (tx) => {
    const row = await withUniqueConflicts(
      () =>
        insertSiteRow(tx, {
          id: newId(),
          entityId,
          slug: input.slug,
          name: input.name,
          theme: { ...DEFAULT_THEME, ...input.theme },
          hostNames,
          menus: input.menus ?? EMPTY_MENUS,
        }),
      SITE_CONFLICTS,
    );
    if (input.menus) await assertMenuTargets(tx, row.id, input.menus);
    await syncSiteLogoUsage(tx, row, row.theme.logoMediaId);
    await recordAudit(tx, { action: 'cms.site.created', resourceType: 'cms_site', resourceId: row.id, entityId, after: { slug: row.slug, name: row.name }, actor: actor.audit });
    return toSite(row);
  });
}

export async function patchSite(database: Database, actor: CmsActor, id: string, expected: number | '*', patch: SitePatch): Promise<Site> {
  if (patch.hostNames) await assertHostNamesFree(database, patch.hostNames, id);
  return withTransaction(database, scopeFor(actor, CMS_PERMISSIONS.sitesManage), async (tx) => {
    const current = await requireSiteRow(tx, id, { forUpdate: true });
    if (expected !== '*' && expected !== current.version) throw new PreconditionFailedError();
    if (patch.menus) await assertMenuTargets(tx, id, patch.menus);
    const updated = await withUniqueConflicts(
      () =>
        updateSiteRow(tx, id, current.version, {
          ...(patch.slug !== undefined ? { slug: patch.slug } : {}),
          ...(patch.name !== undefined ? { name: patch.name } : {}),
          ...(patch.theme !== undefined ? { theme: { ...current.theme, ...patch.theme } } : {}),
          ...(patch.hostNames !== undefined ? { hostNames: patch.hostNames } : {}),
          ...(patch.menus !== undefined ? { menus: patch.menus } : {}),
        }),
      SITE_CONFLICTS,
    );
    if (!updated) throw new PreconditionFailedError();
    if (patch.theme?.logoMediaId !== undefined) await syncSiteLogoUsage(tx, updated, updated.theme.logoMediaId);
    await recordAudit(tx, {
      action: 'cms.site.updated',
      resourceType: 'cms_site',
      resourceId: id,
      entityId: current.entityId,
      before: { slug: current.slug, name: current.name, hostNames: current.hostNames },
      after: { slug: updated.slug, name: updated.name, hostNames: updated.hostNames },
      actor: actor.audit,
    });
    return toSite(updated);
  });
}

/** Only an empty site can be deleted (archive its content otherwise). */
export async function removeSite(database: Database, actor: CmsActor, id: string, expected: number | '*'): Promise<void> {
  await withTransaction(database, scopeFor(actor, CMS_PERMISSIONS.sitesManage), async (tx) => {
    const current = await requireSiteRow(tx, id, { forUpdate: true });
    if (expected !== '*' && expected !== current.version) throw new PreconditionFailedError();
    if (await siteHasContent(tx, id)) throw new ConflictError('The site still has content.', 'site_not_empty');
    await tx.client.query('DELETE FROM cms_categories WHERE site_id = $1', [id]);
    await syncSiteLogoUsage(tx, current, null);
    await deleteSiteRow(tx, id);
    await recordAudit(tx, { action: 'cms.site.deleted', resourceType: 'cms_site', resourceId: id, entityId: current.entityId, before: { slug: current.slug }, actor: actor.audit });
  });
}

function owningEntity(actor: CmsActor, requested: string | undefined): string {
  const permission = CMS_PERMISSIONS.sitesManage;
  if (requested !== undefined) {
    if (!actor.principal.holdsOn(permission, requested)) {
      throw new ValidationError([{ pointer: '/entityId', message: 'Vous ne pouvez pas gérer le site de cette structure.' }]);
    }
    return requested;
  }
  const roots = actor.principal.rootsFor(permission);
  if (roots.length === 1) return roots[0]!;
  throw new ValidationError([{ pointer: '/entityId', message: 'Précisez la structure concernée : vous intervenez sur plusieurs structures.' }]);
}

async function assertHostNamesFree(database: Database, hostNames: readonly string[], exceptSiteId: string | null): Promise<void> {
  // Under the system scope: a host name of another branch's site is taken even though the caller cannot see that site.
  const taken = await withTransaction(database, { kind: 'system' }, (tx) => hostNamesTaken(tx, hostNames, exceptSiteId), { readOnly: true });
  if (taken.length > 0) {
    throw new ConflictError('A host name is used by another site.', 'host_name_taken', taken.map((host) => ({
      pointer: `/hostNames/${hostNames.indexOf(host)}`,
      message: `Le nom d'hôte « ${host} » est déjà utilisé par un autre site.`,
    })));
  }
}

/** Menu entries name a content item of this site, or a url, not both. */
async function assertMenuTargets(tx: Tx, siteId: string, menus: SiteMenus): Promise<void> {
  const errors: FieldError[] = [];
  const wanted = new Map<string, string>();
  const visit = (items: MenuItem[], pointer: string) =>
    items.forEach((item, index) => {
      const at = `${pointer}/${index}`;
      if ((item.contentId === undefined) === (item.url === undefined)) {
        errors.push({ pointer: at, message: 'Indiquez soit un contenu du site, soit une adresse.' });
      }
      if (item.contentId) wanted.set(item.contentId, `${at}/contentId`);
      visit(item.children ?? [], `${at}/children`);
    });
  visit(menus.main, '/menus/main');
  visit(menus.footer, '/menus/footer');
  if (wanted.size > 0) {
    const { rows } = await tx.client.query<{ id: string }>('SELECT id FROM cms_contents WHERE site_id = $1 AND id = ANY($2::uuid[])', [siteId, [...wanted.keys()]]);
    const found = new Set(rows.map((row) => row.id));
    for (const [contentId, pointer] of wanted) {
      if (!found.has(contentId)) errors.push({ pointer, message: "Ce contenu n'existe pas dans ce site." });
    }
  }
  if (errors.length > 0) throw new ValidationError(errors);
}
