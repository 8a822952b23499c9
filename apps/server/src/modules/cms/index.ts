/**
 * CMS (issue 6): sites, pages/articles/documents with revisions, editorial workflow, scheduled
 * publication, preview links, syndication. The only file other modules import (see README.md).
 */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app.js';
import { registerPermissions } from '../../platform/auth/index.js';
import { categoryRoutes } from './categories/categories.routes.js';
import type { CmsDeps } from './core/cms-deps.js';
import { ContentPublished, ContentUnpublished, RunScheduledPublication } from './core/cms.messages.js';
import { contentRoutes } from './contents/contents.routes.js';
import { CMS_PERMISSION_DEFINITIONS } from './core/permissions.js';
import { previewRoutes } from './preview/preview.routes.js';
import { revisionRoutes } from './revisions/revisions.routes.js';
import { siteRoutes } from './sites/sites.routes.js';
import { syndicationRoutes } from './syndication/syndication.routes.js';
import { runScheduledPublication } from './workflow/scheduled-publication.js';
import { workflowRoutes } from './workflow/workflow.routes.js';

export { ContentPublished, ContentUnpublished } from './cms.messages.js';
export { readPublishedContent, type PublishedContent } from './published/read-published-content.js';
export { verifyPreviewToken, createPreviewToken, type PreviewGrant } from './preview/preview-token.js';
export { CMS_PERMISSIONS } from './core/permissions.js';
export { seedCmsDemo, type CmsDemoResult } from './demo/seed-cms-demo.js';
// Rich text (the ProseMirror/Tiptap JSON allowlist) for other modules' long texts (event descriptions…).
export { RichTextDocumentSchema, validateRichText, renderRichText, richTextToPlainText, sanitizeHtmlToRichText, collectMediaIds, type RichTextDocument } from './rich-text/index.js';

/** Every minute; a run is idempotent, so a missed or doubled tick is harmless. */
export const SCHEDULED_PUBLICATION_CRON = '* * * * *';

/** The CMS authoring side: permissions, messages, the scheduled publication job and `/api/v1/cms/…` routes. */
export function registerCms(app: FastifyInstance, context: Pick<AppContext, 'database' | 'bus' | 'config'>): void {
  registerPermissions(CMS_PERMISSION_DEFINITIONS);
  const deps: CmsDeps = { database: context.database, bus: context.bus, previewSecret: context.config.sessionSecret };
  // Subscribers (AI indexing, caches) `handle` these; the queues must exist even without one.
  context.bus.register(ContentPublished);
  context.bus.register(ContentUnpublished);
  context.bus.handle(RunScheduledPublication, async () => {
    await runScheduledPublication(context.database, context.bus);
  });
  context.bus.schedule(RunScheduledPublication, SCHEDULED_PUBLICATION_CRON, {});
  for (const routes of [siteRoutes, categoryRoutes, contentRoutes, workflowRoutes, revisionRoutes, previewRoutes, syndicationRoutes]) {
    void app.register(routes, deps);
  }
}
