import type { MessageBus } from '../../../platform/bus/index.js';
import { recordAudit, SYSTEM_ACTOR } from '../../../platform/audit/index.js';
import { withTransaction, type Database, type Tx } from '../../../platform/db/index.js';
import { findContentRow } from '../contents/contents.repository.js';
import { publishCurrentRevision, takeOffline } from './publication.js';

export interface ScheduledRun {
  published: string[];
  unpublished: string[];
}

/**
 * Publishes the `scheduled` items whose `publish_at` is due and unpublishes the live items whose
 * `unpublish_at` is due, each in its own transaction (one bad row does not block the others).
 * Idempotent: a processed row no longer matches (status and dates change with it), and rows are
 * claimed with SKIP LOCKED so that two workers never process the same one.
 */
export async function runScheduledPublication(database: Database, bus: MessageBus, now: Date = new Date()): Promise<ScheduledRun> {
  const run: ScheduledRun = { published: [], unpublished: [] };
  const due = await withTransaction(
    database,
    { kind: 'system' },
    async (tx) => {
      const publish = await tx.client.query<{ id: string }>(
        `SELECT id FROM cms_contents WHERE status = 'scheduled' AND publish_at <= $1 ORDER BY publish_at LIMIT 500`,
        [now],
      );
      const unpublish = await tx.client.query<{ id: string }>(
        `SELECT id FROM cms_contents WHERE unpublish_at <= $1 AND published_revision_id IS NOT NULL ORDER BY unpublish_at LIMIT 500`,
        [now],
      );
      return { publish: publish.rows.map((row) => row.id), unpublish: unpublish.rows.map((row) => row.id) };
    },
    { readOnly: true },
  );
  for (const id of due.publish) {
    const done = await withTransaction(database, { kind: 'system' }, async (tx) => {
      const { rows } = await tx.client.query('SELECT id FROM cms_contents WHERE id = $1 FOR UPDATE SKIP LOCKED', [id]);
      if (rows.length === 0) return false;
      const row = await findContentRow(tx, id);
      if (!row || row.status !== 'scheduled' || !row.publishAt || row.publishAt > now) return false;
      const published = await publishCurrentRevision(tx, bus, row, now, null);
      if (published) await auditScheduled(tx, row.id, row.entityId, 'published_on_schedule');
      return published !== null;
    });
    if (done) run.published.push(id);
  }
  for (const id of due.unpublish) {
    const done = await withTransaction(database, { kind: 'system' }, async (tx) => {
      const { rows } = await tx.client.query('SELECT id FROM cms_contents WHERE id = $1 FOR UPDATE SKIP LOCKED', [id]);
      if (rows.length === 0) return false;
      const row = await findContentRow(tx, id);
      if (!row || row.publishedRevisionId === null || !row.unpublishAt || row.unpublishAt > now) return false;
      const offline = await takeOffline(tx, bus, row, { archive: false, userId: null });
      if (offline) await auditScheduled(tx, row.id, row.entityId, 'unpublished_on_schedule');
      return offline !== null;
    });
    if (done) run.unpublished.push(id);
  }
  return run;
}

function auditScheduled(tx: Tx, contentId: string, entityId: string, verb: string): Promise<void> {
  return recordAudit(tx, { action: `cms.content.${verb}`, resourceType: 'cms_content', resourceId: contentId, entityId, actor: SYSTEM_ACTOR });
}
