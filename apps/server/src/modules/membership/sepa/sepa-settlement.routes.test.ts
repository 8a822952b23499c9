import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withOwnerClient, withTransaction } from '../../../platform/db/index.js';
import type { CrmTestNetwork } from '../../../test/factories/crm-network.js';
import { createInvoicingTestNetwork, insertCompany } from '../../../test/factories/membership.js';
import { pain008Problems } from '../../../test/pain008-conformance.js';
import type { Invoice } from '../invoicing/invoices.schema.js';
import type { Payment } from '../payments/payments.schema.js';
import type { Batch, Mandate } from './sepa.schema.js';

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const today = () => new Date().toISOString().slice(0, 10);

describe('SEPA batch settlement and rejected debits (R-transactions)', () => {
  let n: CrmTestNetwork;
  let debtor: string;
  let otherDebtor: string;

  beforeAll(async () => {
    n = await createInvoicingTestNetwork('sepa-settle');
    debtor = await insertCompany(n.database, 'Garage du Rhône');
    otherDebtor = await insertCompany(n.database, 'Imprimerie Perrache');
    const creditor = await n.call(n.staff.rhone, 'PUT', `/api/v1/entities/${n.ids['69']}/sepa-creditor`, { creditorIdentifier: 'FR72ZZZ123456', iban: 'FR1420041010050500013M02606', bic: 'PSSTFRPPLYO' });
    expect(creditor.statusCode, creditor.body).toBe(200);
    for (const [organizationId, reference] of [
      [debtor, 'RUM-SETTLE-1'],
      [otherDebtor, 'RUM-SETTLE-2'],
    ] as const) {
      const mandate = await n.call(n.staff.rhone, 'POST', '/api/v1/sepa-mandates', {
        entityId: n.ids['69'],
        organizationId,
        reference,
        signatureDate: '2026-09-01',
        debtorName: 'Débiteur',
        iban: 'FR7630006000011234567890189',
      });
      expect(mandate.statusCode, mandate.body).toBe(201);
    }
  });
  afterAll(() => n.t.close());

  const issued = async (organizationId: string, amountCents: number, dueDate = '2027-01-31'): Promise<Invoice> => {
    const created = await n.call(n.staff.rhone, 'POST', '/api/v1/invoices', { entityId: n.ids['69'], organizationId, dueDate, lines: [{ label: 'Cotisation', quantity: 1, unitAmountCents: amountCents }] });
    const response = await n.call(n.staff.rhone, 'POST', `/api/v1/invoices/${created.json<Invoice>().id}/issue`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<Invoice>();
  };
  const invoice = async (id: string) => (await n.call(n.staff.rhone, 'GET', `/api/v1/invoices/${id}`)).json<Invoice>();
  const mandateOf = async (organizationId: string) =>
    (await n.call(n.staff.rhone, 'GET', `/api/v1/sepa-mandates?organizationId=${organizationId}`)).json<{ items: Mandate[] }>().items[0]!;
  /** A company with its own mandate, for tests that end it. */
  const debtorWithMandate = async (name: string, reference: string): Promise<string> => {
    const organizationId = await insertCompany(n.database, name);
    const mandate = await n.call(n.staff.rhone, 'POST', '/api/v1/sepa-mandates', { entityId: n.ids['69'], organizationId, reference, signatureDate: '2026-09-01', debtorName: name, iban: 'FR7630006000011234567890189' });
    expect(mandate.statusCode, mandate.body).toBe(201);
    return organizationId;
  };
  const audits = (action: string, resourceId: string) =>
    withOwnerClient(n.database, async (client) => Number((await client.query<{ count: string }>('SELECT count(*) FROM audit_events WHERE action = $1 AND resource_id = $2', [action, resourceId])).rows[0]!.count));

  it('exports a conforming pain.008, settles the batch once (payments on every invoice) and lists it', async () => {
    const first = await issued(debtor, 30_000);
    const second = await issued(otherDebtor, 12_000);
    const created = await n.call(n.staff.rhone, 'POST', '/api/v1/sepa-batches', { entityId: n.ids['69'], collectionDate: inDays(5), invoiceIds: [first.id, second.id] });
    expect(created.statusCode, created.body).toBe(201);
    const batch = created.json<Batch>();
    expect(batch).toMatchObject({ status: 'exported', settledOn: null });
    expect(batch.items.map((item) => [item.invoiceNumber, item.mandateReference, item.status]).sort()).toEqual(
      [
        [first.number, 'RUM-SETTLE-1', 'pending'],
        [second.number, 'RUM-SETTLE-2', 'pending'],
      ].sort(),
    );
    const xml = (await n.call(n.staff.rhone, 'GET', `/api/v1/sepa-batches/${batch.id}/pain.008.xml`)).body;
    expect(pain008Problems(xml)).toEqual([]);

    const early = await n.call(n.staff.rhone, 'POST', `/api/v1/sepa-batches/${batch.id}/settle`, { settledOn: '2020-01-01' });
    expect(early.statusCode).toBe(422);
    expect(early.json().errors[0].pointer).toBe('/settledOn');

    const settle = () => n.call(n.staff.rhone, 'POST', `/api/v1/sepa-batches/${batch.id}/settle`, { settledOn: today() });
    const [once, concurrent] = await Promise.all([settle(), settle()]);
    expect([once.statusCode, concurrent.statusCode]).toEqual([200, 200]);
    expect(once.json<Batch>()).toMatchObject({ status: 'settled', settledOn: today() });
    expect((await settle()).json<Batch>().items.every((item) => item.status === 'settled')).toBe(true);

    for (const [id, amount] of [
      [first.id, 30_000],
      [second.id, 12_000],
    ] as const) {
      expect(await invoice(id)).toMatchObject({ status: 'paid', balanceCents: 0 });
      const payments = (await n.call(n.staff.rhone, 'GET', `/api/v1/invoices/${id}/payments`)).json<{ items: Payment[] }>().items;
      expect(payments).toEqual([expect.objectContaining({ method: 'sepa_debit', amountCents: amount, paidOn: today(), reference: `Remise SEPA ${batch.messageId}`, reversal: null })]);
    }
    expect(await audits('membership.sepa_batch.settled', batch.id)).toBe(1);

    const list = await n.call(n.staff.rhoneViewer, 'GET', `/api/v1/sepa-batches?entityId=${n.ids['69']}`);
    expect(list.statusCode).toBe(200);
    expect(list.json<{ items: Array<Omit<Batch, 'items'>> }>().items[0]).toMatchObject({ id: batch.id, status: 'settled' });
    expect(list.body).not.toContain('<?xml');
  });

  it('records a rejected debit: reverses its payment, reopens the invoice (overdue once due) with the reason code, once', async () => {
    const late = await issued(debtor, 5_000, '2026-01-31');
    const kept = await issued(otherDebtor, 7_000, '2026-01-31');
    const batch = (await n.call(n.staff.rhone, 'POST', '/api/v1/sepa-batches', { entityId: n.ids['69'], collectionDate: inDays(6), invoiceIds: [late.id, kept.id] })).json<Batch>();
    await n.call(n.staff.rhone, 'POST', `/api/v1/sepa-batches/${batch.id}/settle`, { settledOn: today() });
    expect(await invoice(late.id)).toMatchObject({ status: 'paid' });

    const notInBatch = await n.call(n.staff.rhone, 'POST', `/api/v1/sepa-batches/${batch.id}/rejections`, { invoiceId: (await issued(debtor, 100)).id, reasonCode: 'AM04', rejectedOn: today() });
    expect(notInBatch.statusCode).toBe(422);
    expect(notInBatch.json().errors[0].pointer).toBe('/invoiceId');
    const badCode = await n.call(n.staff.rhone, 'POST', `/api/v1/sepa-batches/${batch.id}/rejections`, { invoiceId: late.id, reasonCode: 'insufficient', rejectedOn: today() });
    expect(badCode.statusCode).toBe(422);
    expect(badCode.json().errors[0].pointer).toBe('/reasonCode');

    const reject = () => n.call(n.staff.rhone, 'POST', `/api/v1/sepa-batches/${batch.id}/rejections`, { invoiceId: late.id, reasonCode: 'AM04', rejectedOn: today() });
    const rejected = await reject();
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json<Batch>().items.find((item) => item.invoiceId === late.id)).toMatchObject({ status: 'rejected', rejectionReasonCode: 'AM04', rejectedOn: today() });
    expect((await reject()).statusCode).toBe(200);

    expect(await invoice(late.id)).toMatchObject({ status: 'issued', paidCents: 0, balanceCents: 5_000 });
    expect(await invoice(kept.id)).toMatchObject({ status: 'paid' });
    const payments = (await n.call(n.staff.rhone, 'GET', `/api/v1/invoices/${late.id}/payments`)).json<{ items: Payment[] }>().items;
    expect(payments).toEqual([expect.objectContaining({ amountCents: 5_000, reversal: { reversedOn: today(), reasonCode: 'AM04' } })]);
    const overdue = (await n.call(n.staff.rhone, 'GET', '/api/v1/invoices/overdue?limit=200')).json<{ items: Invoice[] }>().items.map((item) => item.id);
    expect(overdue).toContain(late.id);
    expect(overdue).not.toContain(kept.id);
    expect(await audits('membership.sepa_debit.rejected', batch.id)).toBe(1);
    expect(await audits('membership.payment.reversed', payments[0]!.id)).toBe(1);

    // Insufficient funds leave the mandate active: the rejected invoice is collected again in the next
    // batch; the FEC books the rejection the other way round and balances.
    expect(await mandateOf(debtor)).toMatchObject({ status: 'active', revokedAt: null });
    const again = await n.call(n.staff.rhone, 'POST', '/api/v1/sepa-batches', { entityId: n.ids['69'], collectionDate: inDays(7), invoiceIds: [late.id] });
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json<Batch>().items).toEqual([expect.objectContaining({ invoiceId: late.id, mandateReference: 'RUM-SETTLE-1', status: 'pending' })]);
    const fec = await n.call(n.staff.rhone, 'GET', `/api/v1/entities/${n.ids['69']}/fec?year=${today().slice(0, 4)}`);
    expect(fec.statusCode).toBe(200);
    const rows = fec.body.trim().split('\r\n').slice(1).map((line) => line.split('\t'));
    const rejection = rows.filter((row) => row[10]!.startsWith(`Rejet AM04 — Règlement prélèvement SEPA ${late.number}`));
    expect(rejection.map((row) => [row[4], row[11], row[12]])).toEqual([
      ['512000', '0,00', '50,00'],
      ['411000', '50,00', '0,00'],
    ]);
    const cents = (value: string) => Math.round(Number(value.replace(',', '.')) * 100);
    expect(rows.reduce((sum, row) => sum + cents(row[11]!), 0)).toBe(rows.reduce((sum, row) => sum + cents(row[12]!), 0));
  });

  it('revokes the mandate with a closed account (AC04) before settlement: left out of the settlement and of every later batch', async () => {
    const closedAccount = await debtorWithMandate('Menuiserie Vaise', 'RUM-SETTLE-AC04');
    const rejectedEarly = await issued(closedAccount, 2_000);
    const batch = (await n.call(n.staff.rhone, 'POST', '/api/v1/sepa-batches', { entityId: n.ids['69'], collectionDate: inDays(8), invoiceIds: [rejectedEarly.id] })).json<Batch>();
    const rejected = await n.call(n.staff.rhone, 'POST', `/api/v1/sepa-batches/${batch.id}/rejections`, { invoiceId: rejectedEarly.id, reasonCode: 'AC04', rejectedOn: today() });
    expect(rejected.statusCode, rejected.body).toBe(200);
    const settled = await n.call(n.staff.rhone, 'POST', `/api/v1/sepa-batches/${batch.id}/settle`, { settledOn: today() });
    expect(settled.json<Batch>()).toMatchObject({ status: 'settled', items: [{ status: 'rejected', rejectionReasonCode: 'AC04' }] });
    expect(await invoice(rejectedEarly.id)).toMatchObject({ status: 'issued', paidCents: 0 });

    const mandate = await mandateOf(closedAccount);
    expect(mandate).toMatchObject({ reference: 'RUM-SETTLE-AC04', status: 'revoked' });
    expect(await audits('membership.sepa_mandate.revoked', mandate.id)).toBe(1);
    const next = await n.call(n.staff.rhone, 'POST', '/api/v1/sepa-batches', { entityId: n.ids['69'], collectionDate: inDays(9), invoiceIds: [rejectedEarly.id, (await issued(closedAccount, 900)).id] });
    expect(next.statusCode).toBe(422);
    expect(next.json().errors.map((error: { pointer: string }) => error.pointer)).toEqual(['/invoiceIds/0', '/invoiceIds/1']);
  });

  it('reverses the payment and revokes the mandate in one transaction when the bank answers « no valid mandate » (MD01) after settlement', async () => {
    const noMandate = await debtorWithMandate('Fromagerie Croix-Rousse', 'RUM-SETTLE-MD01');
    const target = await issued(noMandate, 4_000);
    const batch = (await n.call(n.staff.rhone, 'POST', '/api/v1/sepa-batches', { entityId: n.ids['69'], collectionDate: inDays(8), invoiceIds: [target.id] })).json<Batch>();
    await n.call(n.staff.rhone, 'POST', `/api/v1/sepa-batches/${batch.id}/settle`, { settledOn: today() });
    const reject = () => n.call(n.staff.rhone, 'POST', `/api/v1/sepa-batches/${batch.id}/rejections`, { invoiceId: target.id, reasonCode: 'MD01', rejectedOn: today() });
    expect((await reject()).statusCode).toBe(200);
    expect((await reject()).statusCode).toBe(200);

    expect(await invoice(target.id)).toMatchObject({ status: 'issued', paidCents: 0, balanceCents: 4_000 });
    const [payment] = (await n.call(n.staff.rhone, 'GET', `/api/v1/invoices/${target.id}/payments`)).json<{ items: Payment[] }>().items;
    expect(payment!.reversal).toEqual({ reversedOn: today(), reasonCode: 'MD01' });
    const mandate = await mandateOf(noMandate);
    expect(mandate.status).toBe('revoked');
    expect(await audits('membership.sepa_mandate.revoked', mandate.id)).toBe(1);
    expect(await audits('membership.payment.reversed', payment!.id)).toBe(1);
    const next = await n.call(n.staff.rhone, 'POST', '/api/v1/sepa-batches', { entityId: n.ids['69'], collectionDate: inDays(9), invoiceIds: [target.id] });
    expect(next.statusCode).toBe(422);

    // The payment and its reversal are append-only for the application: neither rewritten nor removed.
    for (const statement of [
      `UPDATE payment_reversals SET reason_code = 'AM04' WHERE payment_id = $1`,
      'DELETE FROM payment_reversals WHERE payment_id = $1',
      'UPDATE payments SET amount_cents = 1 WHERE id = $1',
      'DELETE FROM payments WHERE id = $1',
    ]) {
      await expect(withTransaction(n.database, { kind: 'system' }, (tx) => tx.client.query(statement, [payment!.id]))).rejects.toThrow(/permission denied/);
    }
  });

  it("keeps other branches and viewers out: 404 for Paris, 403 for a viewer, Paris lists none of the Rhône's batches", async () => {
    const target = await issued(debtor, 3_000);
    const batch = (await n.call(n.staff.rhone, 'POST', '/api/v1/sepa-batches', { entityId: n.ids['69'], collectionDate: inDays(9), invoiceIds: [target.id] })).json<Batch>();
    expect((await n.call(n.staff.paris, 'POST', `/api/v1/sepa-batches/${batch.id}/settle`, { settledOn: today() })).statusCode).toBe(404);
    expect((await n.call(n.staff.paris, 'POST', `/api/v1/sepa-batches/${batch.id}/rejections`, { invoiceId: target.id, reasonCode: 'AM04', rejectedOn: today() })).statusCode).toBe(404);
    expect((await n.call(n.staff.rhoneViewer, 'POST', `/api/v1/sepa-batches/${batch.id}/settle`, { settledOn: today() })).statusCode).toBe(403);
    expect((await n.call(n.staff.paris, 'GET', '/api/v1/sepa-batches')).json<{ items: unknown[] }>().items).toEqual([]);
    expect(await invoice(target.id)).toMatchObject({ status: 'issued' });
  });
});
