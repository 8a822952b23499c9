import { withTransaction } from '../../../platform/db/index.js';
import { scopeFor, type CmsActor } from '../core/cms-actor.js';
import type { CmsDeps } from '../core/cms-deps.js';
import { requireContentRow } from '../contents/content-access.js';
import { requireSiteRow } from '../sites/sites.service.js';
import { CMS_PERMISSIONS } from '../core/permissions.js';
import { createPreviewToken } from './preview-token.js';

export interface PreviewLink {
  url: string;
  token: string;
  revisionId: string;
  expiresAt: string;
}

/** A signed link (1 h) to the working copy as it will look on the site; cms-delivery renders `/sites/<slug>/_preview`. */
export async function createPreviewLink(deps: CmsDeps, actor: CmsActor, contentId: string, now = new Date()): Promise<PreviewLink> {
  return withTransaction(
    deps.database,
    scopeFor(actor, CMS_PERMISSIONS.read),
    async (tx) => {
      const content = await requireContentRow(tx, contentId);
      const site = await requireSiteRow(tx, content.siteId);
      const revisionId = content.currentRevisionId!;
      const { token, expiresAt } = createPreviewToken(deps.previewSecret, { contentId, revisionId }, now);
      return { url: `/sites/${site.slug}/_preview?token=${token}`, token, revisionId, expiresAt: expiresAt.toISOString() };
    },
    { readOnly: true },
  );
}
