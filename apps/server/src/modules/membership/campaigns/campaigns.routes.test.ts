import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId, withOwnerClient } from '../../../platform/db/index.js';
import type { CrmTestNetwork } from '../../../test/factories/crm-network.js';
import { createInvoicingTestNetwork, insertCompany } from '../../../test/factories/membership.js';
import { createFollowUpTask } from '../../tasks/index.js';
import { addDays, parisToday, yearOf } from '../memberships/calendar-dates.js';
import type { MembershipType } from '../memberships/memberships.schema.js';
import type { MembershipStatus } from '../memberships/memberships.tables.js';
import { runCampaign } from './campaign-run.service.js';
import type { Campaign } from './campaigns.schema.js';
import { runRenewalReminders } from './renewal-reminders.service.js';

describe('renewal campaigns', () => {
  // The campaign year is next year: launched today, its due date is always after the issue date.
  const Y = yearOf(parisToday()) + 1;
  const DUE = `${Y}-01-31`;
  let n: CrmTestNetwork;
  let rhone: string;
  let standard: MembershipType;
  let honorary: MembershipType;
  let scheduleId: string;

  /** A membership inserted as the owner (fast setup): live since last year unless told otherwise. */
  const member = async (name: string, options: { band?: string | null; type?: MembershipType; status?: MembershipStatus; startedOn?: string; entityId?: string; email?: string } = {}) => {
    const organizationId = await insertCompany(n.database, name);
    const id = newId();
    await withOwnerClient(n.database, async (client) => {
      await client.query('UPDATE organizations SET headcount_band = $2 WHERE id = $1', [organizationId, options.band === undefined ? '11' : options.band]);
      const startedOn = options.startedOn ?? `${Y - 1}-02-01`;
      await client.query(
        `INSERT INTO memberships (id, entity_id, organization_id, type_id, status, period_kind, started_on, current_period_start, current_period_end, billing_email)
         VALUES ($1, $2, $3, $4, $5, 'calendar', $6, $6, make_date(extract(year FROM $6::date)::int, 12, 31), $7)`,
        [id, options.entityId ?? rhone, organizationId, (options.type ?? standard).id, options.status ?? 'active', startedOn, options.email ?? null],
      );
    });
    return { id, organizationId };
  };
  const launch = async (body: Record<string, unknown> = {}, who = n.staff.rhone) => n.call(who, 'POST', '/api/v1/membership/campaigns', { entityId: rhone, year: Y, issueDate: parisToday(), dueDate: DUE, ...body });
  const waitForCampaign = async (id: string, runs: number): Promise<Campaign> => {
    for (let attempt = 0; attempt < 300; attempt += 1) {
      const campaign = (await n.call(n.staff.rhone, 'GET', `/api/v1/membership/campaigns/${id}`)).json<Campaign>();
      if (campaign.status === 'completed' && campaign.runs >= runs) return campaign;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error('campaign did not complete');
  };
  const renewalInvoices = async () =>
    withOwnerClient(n.database, async (client) => {
      const { rows } = await client.query<{ membership_id: string; number: string; total: number; sequence: number }>(
        `SELECT r.membership_id, i.number, i.total_incl_tax_cents AS total, i.sequence FROM renewal_invoices r JOIN invoices i ON i.id = r.invoice_id WHERE r.year = $1 ORDER BY i.sequence`,
        [Y],
      );
      return rows;
    });

  beforeAll(async () => {
    n = await createInvoicingTestNetwork('campaigns');
    rhone = n.ids['69']!;
    const type = async (code: string, label: string, free = false) =>
      (await n.call(n.staff.rhone, 'POST', '/api/v1/membership/types', { entityId: rhone, code, label, free })).json<MembershipType>();
    standard = await type('standard', 'Adhérent');
    honorary = await type('honoraire', 'Membre honoraire', true);
    const schedule = await n.call(n.staff.rhone, 'POST', '/api/v1/membership/dues-schedules', {
      entityId: rhone,
      year: Y,
      rates: [
        { headcountBand: '11', amountCents: 48_000 },
        { headcountBand: '12', amountCents: 72_000 },
      ],
    });
    expect(schedule.statusCode, schedule.body).toBe(201);
    scheduleId = schedule.json<Campaign>().id;
  });
  afterAll(() => n.t.close());

  it('issues one renewal invoice per member due, with progress, and exactly once when launched again', async () => {
    const a = await member('Menuiserie Croix-Rousse', { email: 'compta@menuiserie.test' });
    const b = await member('Transports Gerland', { band: '12', status: 'grace' });
    await member('Amicale des anciens', { type: honorary });
    const failing = await member('Cabinet Monplaisir', { band: '03' });
    await member(`Nouvelle adhérente ${Y}`, { startedOn: `${Y}-02-01` });
    await member('Ancienne adhérente', { status: 'lapsed' });
    await member('En attente', { status: 'pending' });
    await member('Adhérente parisienne', { entityId: n.ids['75'] });

    const launched = await launch();
    expect(launched.statusCode, launched.body).toBe(202);
    expect(launched.headers.location).toBe(`/api/v1/membership/campaigns/${launched.json<Campaign>().id}`);
    const campaign = await waitForCampaign(launched.json<Campaign>().id, 1);
    expect(campaign).toMatchObject({ year: Y, reminderOffsets: [30, 60], counts: { total: 4, issued: 2, skipped: 1, failed: 1 } });
    expect(campaign.failures).toEqual([{ membershipId: failing.id, reason: `Le barème ${Y} ne prévoit aucun tarif pour ce type de membre et cette tranche d'effectif.` }]);
    const first = await renewalInvoices();
    expect(first.map((row) => [row.membership_id, row.total])).toEqual(
      expect.arrayContaining([
        [a.id, 48_000],
        [b.id, 72_000],
      ]),
    );

    // Fix the schedule and launch again: the failed member is retried, nobody is invoiced twice.
    const fixed = await n.call(n.staff.rhone, 'GET', `/api/v1/membership/dues-schedules/${scheduleId}`);
    const replaced = await n.t.app.inject({
      method: 'PUT',
      url: `/api/v1/membership/dues-schedules/${scheduleId}`,
      headers: { ...n.staff.rhone.headers('PUT'), 'content-type': 'application/json', 'if-match': fixed.headers.etag as string },
      payload: JSON.stringify({ proRata: false, rates: [{ amountCents: 30_000 }, { headcountBand: '11', amountCents: 48_000 }, { headcountBand: '12', amountCents: 72_000 }] }),
    });
    expect(replaced.statusCode, replaced.body).toBe(200);
    const again = await launch();
    expect(again.statusCode).toBe(202);
    expect(again.json<Campaign>().id).toBe(campaign.id);
    const second = await waitForCampaign(campaign.id, 2);
    expect(second.counts).toEqual({ total: 4, issued: 3, skipped: 1, failed: 0 });
    const invoices = await renewalInvoices();
    expect(invoices).toHaveLength(3);
    expect(invoices.slice(0, 2)).toEqual(first);
    // Gap-free numbering across both runs.
    expect(invoices.map((row) => row.sequence)).toEqual([invoices[0]!.sequence, invoices[0]!.sequence + 1, invoices[0]!.sequence + 2]);
  });

  it('concurrent runs of one campaign issue no duplicate', async () => {
    const added = await Promise.all(Array.from({ length: 8 }, (_, i) => member(`Atelier concurrent ${i}`)));
    const campaignId = (await n.call(n.staff.rhone, 'GET', `/api/v1/membership/campaigns?year=${Y}`)).json<{ items: Campaign[] }>().items[0]!.id;
    await Promise.all([runCampaign(n.database, campaignId), runCampaign(n.database, campaignId), runCampaign(n.database, campaignId)]);
    const invoices = await renewalInvoices();
    const perMembership = new Map<string, number>();
    for (const row of invoices) perMembership.set(row.membership_id, (perMembership.get(row.membership_id) ?? 0) + 1);
    expect(added.every((m) => perMembership.get(m.id) === 1)).toBe(true);
    expect([...perMembership.values()].every((count) => count === 1)).toBe(true);
    const { rows } = await withOwnerClient(n.database, (client) =>
      client.query<{ count: number }>(`SELECT count(*)::int AS count FROM invoices WHERE entity_id = $1 AND status <> 'draft' AND series = 'COT'`, [rhone]),
    );
    expect(rows[0]!.count).toBe(invoices.length);
    const campaign = (await n.call(n.staff.rhone, 'GET', `/api/v1/membership/campaigns/${campaignId}`)).json<Campaign>();
    expect(campaign.counts).toMatchObject({ issued: 11, skipped: 1, failed: 0 });
  });

  it('reminds unpaid renewals once per step: e-mail to the billing contact and a follow-up task', async () => {
    const invoices = await renewalInvoices();
    const paidOne = invoices[1]!;
    const { rows } = await withOwnerClient(n.database, (client) => client.query<{ id: string; total_incl_tax_cents: number }>('SELECT id, total_incl_tax_cents FROM invoices WHERE number = $1', [paidOne.number]));
    const pay = await n.call(n.staff.rhone, 'POST', `/api/v1/invoices/${rows[0]!.id}/payments`, { method: 'transfer', amountCents: rows[0]!.total_incl_tax_cents, paidOn: `${Y}-01-20` });
    expect(pay.statusCode, pay.body).toBe(201);
    const deps = { createFollowUpTask };
    expect(await runRenewalReminders(n.database, deps, addDays(DUE, 29))).toBe(0);
    const unpaid = invoices.length - 1;
    expect(await runRenewalReminders(n.database, deps, addDays(DUE, 30))).toBe(unpaid);
    expect(await runRenewalReminders(n.database, deps, addDays(DUE, 30))).toBe(0);
    expect(await runRenewalReminders(n.database, deps, addDays(DUE, 69))).toBe(unpaid); // the +60 step only
    expect(await runRenewalReminders(n.database, deps, addDays(DUE, 130))).toBe(0);
    const counts = await withOwnerClient(n.database, async (client) => {
      const tasks = await client.query<{ count: number }>(`SELECT count(*)::int AS count FROM tasks WHERE dedupe_key LIKE 'renewal-reminder:%'`);
      const mails = await client.query<{ to_address: string; subject: string }>(`SELECT to_address, subject FROM mail_outbox WHERE template = 'membership.renewal-reminder' ORDER BY created_at`);
      return { tasks: tasks.rows[0]!.count, mails: mails.rows };
    });
    expect(counts.tasks).toBe(unpaid * 2);
    // Only the member with a billing e-mail is mailed, once per step.
    expect(counts.mails).toHaveLength(2);
    expect(counts.mails[0]).toMatchObject({ to_address: 'compta@menuiserie.test', subject: expect.stringMatching(new RegExp(`^Relance : cotisation ${Y} — facture COT-\\d{4}-\\d{6}$`)) });
  });

  it('isolates branches: Paris neither sees nor launches Rhône campaigns; a viewer cannot launch', async () => {
    const campaignId = (await n.call(n.staff.rhone, 'GET', '/api/v1/membership/campaigns')).json<{ items: Campaign[] }>().items[0]!.id;
    expect((await n.call(n.staff.paris, 'GET', `/api/v1/membership/campaigns/${campaignId}`)).statusCode).toBe(404);
    expect((await n.call(n.staff.paris, 'GET', '/api/v1/membership/campaigns')).json<{ items: unknown[] }>().items).toEqual([]);
    const foreign = await launch({}, n.staff.paris);
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().errors).toEqual([{ pointer: '/entityId', message: 'Vous ne pouvez pas lancer de campagne de renouvellement pour cette structure.' }]);
    expect((await launch({}, n.staff.rhoneViewer)).statusCode).toBe(403);
    const badDates = await launch({ issueDate: `${Y}-02-01`, dueDate: `${Y}-01-01` });
    expect(badDates.statusCode).toBe(422);
    expect(badDates.json().errors[0].pointer).toBe('/dueDate');
    expect((await n.call(n.staff.region, 'GET', `/api/v1/membership/campaigns/${campaignId}`)).statusCode).toBe(200);
  });
});
