import { and, desc, eq, sql } from 'drizzle-orm';
import { newId, type Tx } from '../../../platform/db/index.js';
import type { RichTextDocument } from '../rich-text/index.js';
import { cmsRevisions, type ContentFields } from './contents.tables.js';

export type RevisionRow = typeof cmsRevisions.$inferSelect;

export interface RevisionSnapshot {
  title: string;
  summary: string | null;
  body: RichTextDocument;
  fields: ContentFields;
  plainText: string;
}

/** Appends the next revision of a content item (the item's row lock serialises the numbering). */
export async function appendRevision(
  tx: Tx,
  input: RevisionSnapshot & { entityId: string; contentId: string; authorId: string | null; restoredFromId?: string | null },
): Promise<RevisionRow> {
  const [row] = await tx.db
    .insert(cmsRevisions)
    .values({
      id: newId(),
      entityId: input.entityId,
      contentId: input.contentId,
      number: sql`(SELECT coalesce(max(number), 0) + 1 FROM cms_revisions WHERE content_id = ${input.contentId})`,
      title: input.title,
      summary: input.summary,
      body: input.body,
      fields: input.fields,
      plainText: input.plainText,
      restoredFromId: input.restoredFromId ?? null,
      authorId: input.authorId,
    })
    .returning();
  return row!;
}

export async function listRevisionRows(tx: Tx, contentId: string): Promise<RevisionRow[]> {
  return tx.db.select().from(cmsRevisions).where(eq(cmsRevisions.contentId, contentId)).orderBy(desc(cmsRevisions.number));
}

export async function findRevisionRow(tx: Tx, contentId: string, revisionId: string): Promise<RevisionRow | null> {
  const [row] = await tx.db
    .select()
    .from(cmsRevisions)
    .where(and(eq(cmsRevisions.contentId, contentId), eq(cmsRevisions.id, revisionId)));
  return row ?? null;
}
