import type pg from 'pg';
import { addDays, parisToday } from '../../modules/membership/index.js';
import { newId, withOwnerClient, type Database } from '../../platform/db/index.js';
import { insertPerson } from './crm-network.js';
import { insertCompany } from './membership.js';

const DAY = 86_400_000;
const sequences = new Map<string, number>();

interface InvoiceSeed {
  entityId: string;
  organizationId: string;
  series?: string;
  fiscalYear: number;
  status: 'issued' | 'partially_paid' | 'paid';
  totalCents: number;
  paidCents?: number;
  creditedCents?: number;
  dueDate: string;
}

/** An issued invoice as the invoicing module leaves it (numbered, frozen), inserted as the owner. */
async function insertInvoice(client: pg.PoolClient, seed: InvoiceSeed): Promise<string> {
  const id = newId();
  const series = seed.series ?? 'COT';
  const key = `${seed.entityId}:${series}:${seed.fiscalYear}`;
  const sequence = (sequences.get(key) ?? 0) + 1;
  sequences.set(key, sequence);
  await client.query(
    `INSERT INTO invoices (id, entity_id, kind, series, status, fiscal_year, sequence, number, organization_id, issue_date, due_date,
                           total_excl_tax_cents, total_incl_tax_cents, paid_cents, credited_cents)
     VALUES ($1, $2, 'invoice', $3, $4, $5, $6, $7, $8, $9, $10, $11, $11, $12, $13)`,
    [id, seed.entityId, series, seed.status, seed.fiscalYear, sequence, `${series}-${seed.fiscalYear}-${String(sequence).padStart(6, '0')}`, seed.organizationId, `${seed.fiscalYear}-01-01`, seed.dueDate, seed.totalCents, seed.paidCents ?? 0, seed.creditedCents ?? 0],
  );
  return id;
}

/**
 * A small known data set for the dashboard (figures checked in modules/dashboard and the browser
 * test), inserted as the owner. Rhône: 6 memberships (2 active, 1 grace, 1 pending, 1 lapsed,
 * 1 cancelled), renewals 2/3 last year and 1/2 this year, 29 000 cents of dues invoiced this year
 * and 12 000 collected, 20 000 overdue; 2 upcoming events (4 of 10 seats taken, and an unlimited
 * one); 2 active mandates ending in 30 and 200 days. Paris: 2 active members, 1/2 renewed, 16 000
 * invoiced, 8 000 collected and overdue, 1 event (2 of 4 seats), 1 mandate ending in 10 days.
 */
export async function seedDashboardFigures(database: Database, rhone: string, paris: string): Promise<void> {
  const today = parisToday();
  const year = Number(today.slice(0, 4));
  const soon = addDays(today, 30);
  const later = addDays(today, 200);
    const companies: string[] = [];
    for (let index = 0; index < 8; index += 1) companies.push(await insertCompany(database, `Dashboard ${index}`));
    const people = { rhone: [] as string[], paris: [] as string[] };
    for (let index = 0; index < 7; index += 1) people.rhone.push(await insertPerson(database, { entityId: rhone, lastName: `Rhône ${index}` }));
    for (let index = 0; index < 2; index += 1) people.paris.push(await insertPerson(database, { entityId: paris, lastName: `Paris ${index}` }));

    await withOwnerClient(database, async (client) => {
      const types = { rhone: newId(), paris: newId() };
      await client.query(`INSERT INTO membership_types (id, entity_id, code, label) VALUES ($1, $2, 'standard', 'Standard'), ($3, $4, 'standard', 'Standard')`, [types.rhone, rhone, types.paris, paris]);
      const membership = async (entityId: string, organizationId: string, status: string): Promise<string> => {
        const id = newId();
        await client.query(
          `INSERT INTO memberships (id, entity_id, organization_id, type_id, status, period_kind, started_on, current_period_start, current_period_end, cancelled_on)
           VALUES ($1, $2, $3, $4, $5, 'calendar', $6, $7, $8, $9)`,
          [id, entityId, organizationId, entityId === rhone ? types.rhone : types.paris, status, `${year - 2}-03-01`, `${year}-01-01`, `${year}-12-31`, status === 'cancelled' ? `${year}-02-01` : null],
        );
        return id;
      };
      // Rhône: 2 active, 1 grace, 1 pending, 1 lapsed, 1 cancelled. Paris: 2 active.
      const [m1, m2, m3] = [await membership(rhone, companies[0]!, 'active'), await membership(rhone, companies[1]!, 'active'), await membership(rhone, companies[2]!, 'grace')];
      const m4 = await membership(rhone, companies[3]!, 'pending');
      const m5 = await membership(rhone, companies[4]!, 'lapsed');
      await membership(rhone, companies[5]!, 'cancelled');
      const [p1, p2] = [await membership(paris, companies[6]!, 'active'), await membership(paris, companies[7]!, 'active')];

      const overdueOn = addDays(today, -10);
      const notYetDue = addDays(today, 20);
      const campaigns = new Map<string, string>();
      const renewal = async (entityId: string, membershipId: string, renewalYear: number, invoiceId: string | null): Promise<void> => {
        const key = `${entityId}:${renewalYear}`;
        if (!campaigns.has(key)) {
          campaigns.set(key, newId());
          await client.query(`INSERT INTO renewal_campaigns (id, entity_id, year, issue_date, due_date, reminder_offsets, status) VALUES ($1, $2, $3, $4, $4, '{30,60}', 'completed')`, [campaigns.get(key), entityId, renewalYear, `${renewalYear}-01-01`]);
        }
        await client.query(`INSERT INTO renewal_invoices (id, entity_id, campaign_id, membership_id, year, outcome, invoice_id, reason) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, [
          newId(), entityId, campaigns.get(key), membershipId, renewalYear, invoiceId ? 'issued' : 'skipped', invoiceId, invoiceId ? null : 'Type gratuit.',
        ]);
      };
      const invoice = (seed: Omit<InvoiceSeed, 'organizationId'> & { organizationId?: string }, organizationIndex: number) => insertInvoice(client, { organizationId: companies[organizationIndex]!, ...seed });

      // Last year's Rhône campaign: 3 invoiced, 2 paid (one skipped member does not count).
      await renewal(rhone, m1, year - 1, await invoice({ entityId: rhone, fiscalYear: year - 1, status: 'paid', totalCents: 10_000, paidCents: 10_000, dueDate: `${year - 1}-02-01` }, 0));
      await renewal(rhone, m2, year - 1, await invoice({ entityId: rhone, fiscalYear: year - 1, status: 'paid', totalCents: 10_000, paidCents: 10_000, dueDate: `${year - 1}-02-01` }, 1));
      await renewal(rhone, m3, year - 1, await invoice({ entityId: rhone, fiscalYear: year - 1, status: 'partially_paid', totalCents: 10_000, paidCents: 4_000, dueDate: overdueOn }, 2));
      await renewal(rhone, m5, year - 1, null);
      // This year's: 2 invoiced, 1 paid; a join invoice partly credited; an overdue invoice of another series.
      await renewal(rhone, m1, year, await invoice({ entityId: rhone, fiscalYear: year, status: 'paid', totalCents: 12_000, paidCents: 12_000, dueDate: overdueOn }, 0));
      await renewal(rhone, m2, year, await invoice({ entityId: rhone, fiscalYear: year, status: 'issued', totalCents: 12_000, dueDate: overdueOn }, 1));
      await client.query('UPDATE memberships SET join_invoice_id = $2 WHERE id = $1', [m4, await invoice({ entityId: rhone, fiscalYear: year, status: 'issued', totalCents: 6_000, creditedCents: 1_000, dueDate: notYetDue }, 3)]);
      await invoice({ entityId: rhone, series: 'FAC', fiscalYear: year, status: 'issued', totalCents: 2_000, dueDate: overdueOn }, 4);
      // Paris this year: 2 invoiced, 1 paid, the other overdue.
      await renewal(paris, p1, year, await invoice({ entityId: paris, fiscalYear: year, status: 'paid', totalCents: 8_000, paidCents: 8_000, dueDate: overdueOn }, 6));
      await renewal(paris, p2, year, await invoice({ entityId: paris, fiscalYear: year, status: 'issued', totalCents: 8_000, dueDate: overdueOn }, 7));

      const event = async (entityId: string, title: string, inDays: number, capacity: number | null, status = 'published'): Promise<string> => {
        const id = newId();
        const startsAt = new Date(Date.now() + inDays * DAY);
        await client.query(`INSERT INTO events (id, entity_id, title, starts_at, ends_at, capacity, status) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
          id, entityId, title, startsAt.toISOString(), new Date(startsAt.getTime() + 2 * 3_600_000).toISOString(), capacity, status,
        ]);
        return id;
      };
      const register = (entityId: string, eventId: string, personId: string, status: string, waitingPosition: number | null = null) =>
        client.query(`INSERT INTO event_registrations (id, entity_id, event_id, person_id, status, waiting_position, cancelled_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
          newId(), entityId, eventId, personId, status, waitingPosition, status === 'cancelled' ? new Date().toISOString() : null,
        ]);
      // Rhône: a 10-seat event with 4 seats taken, 1 waiting, 1 cancelled; an unlimited one; a draft, a past and a far one (not counted).
      const assembly = await event(rhone, 'Assemblée générale', 10, 10);
      for (const person of people.rhone.slice(0, 4)) await register(rhone, assembly, person, 'registered');
      await register(rhone, assembly, people.rhone[4]!, 'waiting', 1);
      await register(rhone, assembly, people.rhone[5]!, 'cancelled');
      const webinar = await event(rhone, 'Webinaire fiscalité', 20, null);
      for (const person of people.rhone.slice(0, 2)) await register(rhone, webinar, person, 'registered');
      await event(rhone, 'Brouillon', 5, 30, 'draft');
      await event(rhone, 'Passé', -5, 30);
      await event(rhone, 'Lointain', 120, 30);
      const breakfast = await event(paris, 'Petit-déjeuner', 15, 4);
      for (const person of people.paris) await register(paris, breakfast, person, 'registered');

      const body = newId();
      await client.query(`INSERT INTO mandate_bodies (id, name, kind) VALUES ($1, 'CPAM tableau de bord', 'cpam')`, [body]);
      const seat = async (entityId: string): Promise<string> => {
        const id = newId();
        await client.query(`INSERT INTO mandate_seats (id, entity_id, body_id, label, role) VALUES ($1, $2, $3, 'Conseil', 'titular')`, [id, entityId, body]);
        return id;
      };
      const [rhoneSeat, parisSeat] = [await seat(rhone), await seat(paris)];
      const mandate = (entityId: string, seatId: string, personId: string, endOn: string, status = 'active') =>
        client.query(`INSERT INTO mandates (id, entity_id, seat_id, body_id, person_id, start_on, end_on, status) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, [
          newId(), entityId, seatId, body, personId, `${year - 3}-01-01`, endOn, status,
        ]);
      await mandate(rhone, rhoneSeat, people.rhone[0]!, soon);
      await mandate(rhone, rhoneSeat, people.rhone[1]!, later);
      await mandate(rhone, rhoneSeat, people.rhone[2]!, addDays(today, 40), 'cancelled');
      await mandate(rhone, rhoneSeat, people.rhone[3]!, addDays(today, -1));
      await mandate(paris, parisSeat, people.paris[0]!, addDays(today, 10));
    });
}
