import { recordAudit } from '../../../platform/audit/index.js';
import { withTransaction, type Tx } from '../../../platform/db/index.js';
import { ConflictError, PreconditionFailedError, ValidationError } from '../../../platform/http/errors.js';
import { scopeFor, type CmsActor } from '../core/cms-actor.js';
import type { CmsDeps } from '../core/cms-deps.js';
import { requireContentRow } from '../contents/content-access.js';
import { toContent, updateContentRow, type ContentRow } from '../contents/contents.repository.js';
import type { Content } from '../contents/contents.schema.js';
import type { ContentStatus } from '../contents/contents.tables.js';
import { CMS_PERMISSIONS } from '../core/permissions.js';
import { publishCurrentRevision, takeOffline } from './publication.js';
import type { Approve, RequestChanges } from './workflow.schema.js';

type Step = (tx: Tx, current: ContentRow) => Promise<ContentRow | null>;

/**
 * Runs one workflow transition under the scope of the permission it needs: an item outside that
 * scope is a 404 (even if the caller can read it elsewhere, e.g. an editor approving: 403 first,
 * by the route's preHandler, when the permission is held nowhere).
 */
async function transition(
  deps: CmsDeps,
  actor: CmsActor,
  id: string,
  expected: number | '*',
  permission: string,
  action: string,
  step: Step,
  note: Record<string, unknown> = {},
): Promise<Content> {
  return withTransaction(deps.database, scopeFor(actor, permission), async (tx) => {
    const current = await requireContentRow(tx, id, { forUpdate: true });
    if (expected !== '*' && expected !== current.version) throw new PreconditionFailedError();
    const updated = await step(tx, current);
    if (!updated) throw new PreconditionFailedError();
    await recordAudit(tx, {
      action: `cms.content.${action}`,
      resourceType: 'cms_content',
      resourceId: id,
      entityId: current.entityId,
      before: { status: current.status, publishedRevisionId: current.publishedRevisionId },
      after: { status: updated.status, publishedRevisionId: updated.publishedRevisionId, ...note },
      actor: actor.audit,
    });
    return toContent(updated);
  });
}

function refuse(current: ContentRow, allowed: readonly ContentStatus[], message: string): void {
  if (!allowed.includes(current.status)) throw new ConflictError(message, 'invalid_workflow_transition');
}

/** Editor: draft → in_review. */
export async function submitForReview(deps: CmsDeps, actor: CmsActor, id: string, expected: number | '*'): Promise<Content> {
  return transition(deps, actor, id, expected, CMS_PERMISSIONS.edit, 'submitted', async (tx, current) => {
    refuse(current, ['draft'], `Only a draft can be submitted for review (the item is ${current.status}).`);
    return updateContentRow(tx, id, current.version, { status: 'in_review', reviewRequestedBy: actor.principal.userId });
  });
}

/** Publisher: publishes the working copy now, or schedules it (`scheduled`) when `publishAt` is in the future. */
export async function approve(deps: CmsDeps, actor: CmsActor, id: string, expected: number | '*', input: Approve, now = new Date()): Promise<Content> {
  return transition(deps, actor, id, expected, CMS_PERMISSIONS.publish, 'approved', async (tx, current) => {
    if (current.status === 'published' && current.currentRevisionId === current.publishedRevisionId) {
      throw new ConflictError('This revision is already published.', 'already_published');
    }
    if (current.kind === 'document' && !current.fields.documentMediaId) {
      throw new ValidationError([{ pointer: '/fields/documentMediaId', message: 'Joignez le fichier du document avant de le publier.' }]);
    }
    const publishAt = input.publishAt ? new Date(input.publishAt) : null;
    if (publishAt && publishAt.getTime() > now.getTime()) {
      return updateContentRow(tx, id, current.version, { status: 'scheduled', publishAt, updatedBy: actor.principal.userId });
    }
    return publishCurrentRevision(tx, deps.bus, current, now, actor.principal.userId);
  });
}

/** Publisher: sends an item in review (or scheduled) back to its editors. */
export async function requestChanges(deps: CmsDeps, actor: CmsActor, id: string, expected: number | '*', input: RequestChanges): Promise<Content> {
  return transition(
    deps,
    actor,
    id,
    expected,
    CMS_PERMISSIONS.publish,
    'changes_requested',
    async (tx, current) => {
      refuse(current, ['in_review', 'scheduled'], `Only an item in review or scheduled can be sent back (the item is ${current.status}).`);
      return updateContentRow(tx, id, current.version, { status: 'draft', publishAt: null, updatedBy: actor.principal.userId });
    },
    input.comment ? { comment: input.comment } : {},
  );
}

/** Publisher: takes a live item off the site (status back to draft when the working copy was the published one). */
export async function unpublish(deps: CmsDeps, actor: CmsActor, id: string, expected: number | '*'): Promise<Content> {
  return transition(deps, actor, id, expected, CMS_PERMISSIONS.publish, 'unpublished', async (tx, current) => {
    if (current.publishedRevisionId === null) throw new ConflictError('The item is not published.', 'not_published');
    return takeOffline(tx, deps.bus, current, { archive: false, userId: actor.principal.userId });
  });
}

/** Publisher: archives an item (taken offline if live). */
export async function archive(deps: CmsDeps, actor: CmsActor, id: string, expected: number | '*'): Promise<Content> {
  return transition(deps, actor, id, expected, CMS_PERMISSIONS.publish, 'archived', async (tx, current) => {
    refuse(current, ['draft', 'in_review', 'scheduled', 'published'], 'The item is already archived.');
    return takeOffline(tx, deps.bus, current, { archive: true, userId: actor.principal.userId });
  });
}
