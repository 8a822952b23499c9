import { recordAudit } from '../../../platform/audit/index.js';
import { withTransaction, type Database, type DbScope, type Tx } from '../../../platform/db/index.js';
import { NotFoundError, PreconditionFailedError } from '../../../platform/http/errors.js';
import { scopeFor, type CmsActor } from '../core/cms-actor.js';
import type { CmsDeps } from '../core/cms-deps.js';
import { requireContentRow } from '../contents/content-access.js';
import { toContent, updateContentRow, type ContentRow } from '../contents/contents.repository.js';
import type { Content } from '../contents/contents.schema.js';
import { appendRevision, findRevisionRow, listRevisionRows, type RevisionRow } from '../contents/revisions.repository.js';
import { CMS_PERMISSIONS } from '../core/permissions.js';
import { syncContentMediaUsage } from '../contents/content-media.js';
import { diffRevisions, type RevisionDiff } from './revision-diff.js';
import type { Revision, RevisionSummary } from './revisions.schema.js';

function toSummary(row: RevisionRow, content: ContentRow): RevisionSummary {
  return {
    id: row.id,
    contentId: row.contentId,
    number: row.number,
    title: row.title,
    authorId: row.authorId,
    restoredFromId: row.restoredFromId,
    current: content.currentRevisionId === row.id,
    published: content.publishedRevisionId === row.id,
    createdAt: row.createdAt.toISOString(),
  };
}

function toRevision(row: RevisionRow, content: ContentRow): Revision {
  return { ...toSummary(row, content), summary: row.summary, body: row.body, fields: row.fields, plainText: row.plainText };
}

async function requireRevision(tx: Tx, contentId: string, revisionId: string): Promise<RevisionRow> {
  const row = await findRevisionRow(tx, contentId, revisionId);
  if (!row) throw new NotFoundError('Revision');
  return row;
}

export async function listRevisions(database: Database, scope: DbScope, contentId: string): Promise<RevisionSummary[]> {
  return withTransaction(
    database,
    scope,
    async (tx) => {
      const content = await requireContentRow(tx, contentId);
      return (await listRevisionRows(tx, contentId)).map((row) => toSummary(row, content));
    },
    { readOnly: true },
  );
}

export async function getRevision(database: Database, scope: DbScope, contentId: string, revisionId: string): Promise<Revision> {
  return withTransaction(
    database,
    scope,
    async (tx) => {
      const content = await requireContentRow(tx, contentId);
      return toRevision(await requireRevision(tx, contentId, revisionId), content);
    },
    { readOnly: true },
  );
}

export async function compareRevisions(
  database: Database,
  scope: DbScope,
  contentId: string,
  fromId: string,
  toId: string,
): Promise<RevisionDiff & { from: RevisionSummary; to: RevisionSummary }> {
  return withTransaction(
    database,
    scope,
    async (tx) => {
      const content = await requireContentRow(tx, contentId);
      const from = await requireRevision(tx, contentId, fromId);
      const to = await requireRevision(tx, contentId, toId);
      const diff = diffRevisions(
        { title: from.title, summary: from.summary, fields: { ...from.fields }, plainText: from.plainText },
        { title: to.title, summary: to.summary, fields: { ...to.fields }, plainText: to.plainText },
      );
      return { from: toSummary(from, content), to: toSummary(to, content), ...diff };
    },
    { readOnly: true },
  );
}

/** Copies an old revision into a new one, which becomes the working copy (a draft; the public copy is untouched). */
export async function restoreRevision(deps: CmsDeps, actor: CmsActor, contentId: string, revisionId: string, expected: number | '*'): Promise<Content> {
  return withTransaction(deps.database, scopeFor(actor, CMS_PERMISSIONS.edit), async (tx) => {
    const content = await requireContentRow(tx, contentId, { forUpdate: true });
    if (expected !== '*' && expected !== content.version) throw new PreconditionFailedError();
    const source = await requireRevision(tx, contentId, revisionId);
    const revision = await appendRevision(tx, {
      entityId: content.entityId,
      contentId,
      authorId: actor.principal.userId,
      title: source.title,
      summary: source.summary,
      body: source.body,
      fields: source.fields,
      plainText: source.plainText,
      restoredFromId: source.id,
    });
    const updated = await updateContentRow(tx, contentId, content.version, {
      title: source.title,
      summary: source.summary,
      body: source.body,
      fields: source.fields,
      currentRevisionId: revision.id,
      status: 'draft',
      updatedBy: actor.principal.userId,
    });
    if (!updated) throw new PreconditionFailedError();
    const published = content.publishedRevisionId ? await findRevisionRow(tx, contentId, content.publishedRevisionId) : null;
    await syncContentMediaUsage(tx, contentId, source, published ? [published] : []);
    await recordAudit(tx, {
      action: 'cms.content.revision_restored',
      resourceType: 'cms_content',
      resourceId: contentId,
      entityId: content.entityId,
      before: { revision: content.currentRevisionId },
      after: { revision: revision.id, restoredFrom: source.id },
      actor: actor.audit,
    });
    return toContent(updated);
  });
}
