import { newId, withTransaction, type Database, type Tx } from '../../../platform/db/index.js';
import { queueMail } from '../../../platform/mail/index.js';
import { addDays, parisToday } from '../memberships/calendar-dates.js';
import { RENEWAL_REMINDER_TEMPLATE } from './reminder-mail.js';

/** The follow-up task contract of modules/tasks (createFollowUpTask), injected by the register function. */
export interface ReminderDeps {
  createFollowUpTask(tx: Tx, input: { entityId: string; title: string; dueOn: string; relatedTo: { kind: string; id: string }; dedupeKey: string }): Promise<unknown>;
}

interface DueReminder {
  invoice_id: string;
  entity_id: string;
  offset_days: number;
  year: number;
  number: string;
  due_date: string;
  balance_cents: number;
  issuer_name: string;
  customer_name: string;
  billing_email: string | null;
}

/** Unpaid renewal invoices whose reminder step is due on `today` and not yet done. */
async function dueReminders(tx: Tx, today: string): Promise<DueReminder[]> {
  const { rows } = await tx.client.query<DueReminder>(
    `SELECT r.invoice_id, r.entity_id, o.offset_days, r.year, i.number, to_char(i.due_date, 'YYYY-MM-DD') AS due_date,
            i.total_incl_tax_cents - i.paid_cents - i.credited_cents AS balance_cents, i.issuer_name, i.customer_name, m.billing_email
     FROM renewal_invoices r
     JOIN renewal_campaigns c ON c.id = r.campaign_id
     JOIN invoices i ON i.id = r.invoice_id
     JOIN memberships m ON m.id = r.membership_id
     CROSS JOIN LATERAL unnest(c.reminder_offsets) AS o(offset_days)
     WHERE r.outcome = 'issued' AND i.status IN ('issued', 'partially_paid')
       AND i.due_date + o.offset_days <= $1::date
       AND NOT EXISTS (SELECT 1 FROM renewal_reminders s WHERE s.invoice_id = r.invoice_id AND s.offset_days = o.offset_days)
     ORDER BY r.invoice_id, o.offset_days
     LIMIT 500`,
    [today],
  );
  return rows;
}

const euros = (cents: number) => (cents / 100).toLocaleString('fr-FR', { style: 'currency', currency: 'EUR' });
const frenchDate = (iso: string) => iso.split('-').reverse().join('/');

/**
 * Sends each due reminder step once: the step row (unique invoice and step), the e-mail in the
 * outbox and the follow-up task commit together, so a second run the same day does nothing.
 */
export async function runRenewalReminders(database: Database, deps: ReminderDeps, today = parisToday()): Promise<number> {
  let sent = 0;
  for (;;) {
    const due = await withTransaction(database, { kind: 'system' }, (tx) => dueReminders(tx, today), { readOnly: true });
    for (const reminder of due) {
      const done = await withTransaction(database, { kind: 'system' }, (tx) => sendReminder(tx, deps, reminder));
      if (done) sent += 1;
    }
    if (due.length < 500) return sent;
  }
}

async function sendReminder(tx: Tx, deps: ReminderDeps, reminder: DueReminder): Promise<boolean> {
  const { rowCount } = await tx.client.query(
    `INSERT INTO renewal_reminders (id, entity_id, invoice_id, offset_days, mailed) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (invoice_id, offset_days) DO NOTHING`,
    [newId(), reminder.entity_id, reminder.invoice_id, reminder.offset_days, reminder.billing_email !== null],
  );
  if (rowCount !== 1) return false;
  if (reminder.billing_email) {
    await queueMail(tx, {
      entityId: reminder.entity_id,
      to: reminder.billing_email,
      template: RENEWAL_REMINDER_TEMPLATE,
      data: { year: reminder.year, invoiceNumber: reminder.number, issuerName: reminder.issuer_name, balance: euros(reminder.balance_cents), dueDate: frenchDate(reminder.due_date) },
    });
  }
  await deps.createFollowUpTask(tx, {
    entityId: reminder.entity_id,
    title: `Relancer ${reminder.customer_name} : cotisation ${reminder.year} impayée (facture ${reminder.number}, échéance +${reminder.offset_days} j)`,
    dueOn: addDays(reminder.due_date, reminder.offset_days + 7),
    relatedTo: { kind: 'invoice', id: reminder.invoice_id },
    dedupeKey: `renewal-reminder:${reminder.invoice_id}:${reminder.offset_days}`,
  });
  return true;
}
