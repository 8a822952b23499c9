import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../../platform/db/index.js';
import type { Campaign, CampaignListQuery } from './campaigns.schema.js';
import { renewalCampaigns, type CampaignItemOutcome } from './campaigns.tables.js';

export type CampaignRow = typeof renewalCampaigns.$inferSelect;

async function withProgress(tx: Tx, row: CampaignRow): Promise<Campaign> {
  const { rows } = await tx.client.query<{ outcome: CampaignItemOutcome; count: number }>(
    'SELECT outcome, count(*)::int AS count FROM renewal_invoices WHERE campaign_id = $1 GROUP BY outcome',
    [row.id],
  );
  const count = (outcome: CampaignItemOutcome) => rows.find((r) => r.outcome === outcome)?.count ?? 0;
  const { rows: failures } = await tx.client.query<{ membership_id: string; reason: string }>(
    `SELECT membership_id, reason FROM renewal_invoices WHERE campaign_id = $1 AND outcome = 'failed' ORDER BY created_at, id LIMIT 20`,
    [row.id],
  );
  return {
    id: row.id,
    entityId: row.entityId,
    year: row.year,
    issueDate: row.issueDate,
    dueDate: row.dueDate,
    reminderOffsets: row.reminderOffsets,
    status: row.status,
    counts: { total: row.totalCount, issued: count('issued'), skipped: count('skipped'), failed: count('failed') },
    failures: failures.map((f) => ({ membershipId: f.membership_id, reason: f.reason })),
    runs: row.runs,
    startedAt: row.startedAt?.toISOString() ?? null,
    completedAt: row.completedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function findCampaignRow(tx: Tx, id: string, options: { forUpdate?: boolean } = {}): Promise<CampaignRow | null> {
  const query = tx.db.select().from(renewalCampaigns).where(eq(renewalCampaigns.id, id));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function findCampaign(tx: Tx, id: string): Promise<Campaign | null> {
  const row = await findCampaignRow(tx, id);
  return row ? withProgress(tx, row) : null;
}

export async function listCampaigns(tx: Tx, filter: CampaignListQuery): Promise<Campaign[]> {
  const conditions: SQL[] = [];
  if (filter.entityId) conditions.push(eq(renewalCampaigns.entityId, filter.entityId));
  if (filter.year) conditions.push(eq(renewalCampaigns.year, filter.year));
  const rows = await tx.db
    .select()
    .from(renewalCampaigns)
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(desc(renewalCampaigns.year), desc(renewalCampaigns.createdAt))
    .limit(200);
  return Promise.all(rows.map((row) => withProgress(tx, row)));
}

/** Inserts the campaign of (entity, year), or answers the existing one (a second launch resumes it). */
export async function upsertCampaign(tx: Tx, values: typeof renewalCampaigns.$inferInsert): Promise<CampaignRow> {
  const [inserted] = await tx.db.insert(renewalCampaigns).values(values).onConflictDoNothing().returning();
  if (inserted) return inserted;
  const [existing] = await tx.db
    .update(renewalCampaigns)
    .set({ status: 'queued', updatedAt: sql`now()` })
    .where(and(eq(renewalCampaigns.entityId, values.entityId), eq(renewalCampaigns.year, values.year)))
    .returning();
  return existing!;
}

export async function markRunStarted(tx: Tx, id: string, total: number): Promise<void> {
  await tx.db
    .update(renewalCampaigns)
    .set({ status: 'running', totalCount: total, runs: sql`${renewalCampaigns.runs} + 1`, startedAt: sql`now()`, completedAt: null, updatedAt: sql`now()` })
    .where(eq(renewalCampaigns.id, id));
}

export async function markCompleted(tx: Tx, id: string): Promise<void> {
  await tx.db.update(renewalCampaigns).set({ status: 'completed', completedAt: sql`now()`, updatedAt: sql`now()` }).where(eq(renewalCampaigns.id, id));
}

/** Members due for the year's renewal: live, joined before the year (a join in the year has its join invoice). */
const DUE = `m.entity_id = $1 AND m.status IN ('active', 'grace') AND m.started_on < make_date($2, 1, 1)`;

export async function countDue(tx: Tx, entityId: string, year: number): Promise<number> {
  const { rows } = await tx.client.query<{ count: number }>(`SELECT count(*)::int AS count FROM memberships m WHERE ${DUE}`, [entityId, year]);
  return rows[0]!.count;
}

/** The next members due without an outcome for the year, by id. */
export async function nextDue(tx: Tx, entityId: string, year: number, afterId: string | null, limit: number): Promise<string[]> {
  const { rows } = await tx.client.query<{ id: string }>(
    `SELECT m.id FROM memberships m
     WHERE ${DUE} AND ($3::uuid IS NULL OR m.id > $3::uuid)
       AND NOT EXISTS (SELECT 1 FROM renewal_invoices r WHERE r.membership_id = m.id AND r.year = $2)
     ORDER BY m.id LIMIT $4`,
    [entityId, year, afterId, limit],
  );
  return rows.map((row) => row.id);
}

export async function deleteFailedItems(tx: Tx, campaignId: string): Promise<void> {
  await tx.client.query(`DELETE FROM renewal_invoices WHERE campaign_id = $1 AND outcome = 'failed'`, [campaignId]);
}

export async function hasOutcome(tx: Tx, membershipId: string, year: number): Promise<boolean> {
  const { rowCount } = await tx.client.query('SELECT 1 FROM renewal_invoices WHERE membership_id = $1 AND year = $2', [membershipId, year]);
  return (rowCount ?? 0) > 0;
}

/**
 * Records the outcome for (membership, year) unless one exists: the unique key makes a concurrent
 * runner wait for the first one's commit, then find the row. True when this call inserted it.
 */
export async function claimOutcome(
  tx: Tx,
  item: { id: string; entityId: string; campaignId: string; membershipId: string; year: number; outcome: CampaignItemOutcome; invoiceId: string | null; reason: string | null },
): Promise<boolean> {
  const { rowCount } = await tx.client.query(
    `INSERT INTO renewal_invoices (id, entity_id, campaign_id, membership_id, year, outcome, invoice_id, reason)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (membership_id, year) DO NOTHING`,
    [item.id, item.entityId, item.campaignId, item.membershipId, item.year, item.outcome, item.invoiceId, item.reason],
  );
  return (rowCount ?? 0) === 1;
}
