import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CrmTestNetwork } from '../../../test/factories/crm-network.js';
import { createInvoicingTestNetwork, insertCompany } from '../../../test/factories/membership.js';
import type { Invoice } from '../invoicing/invoices.schema.js';
import type { Payment } from './payments.schema.js';

describe('payments, balances and overdue invoices', () => {
  let n: CrmTestNetwork;
  let company: string;

  beforeAll(async () => {
    n = await createInvoicingTestNetwork('payments');
    company = await insertCompany(n.database, 'Garage du Rhône');
  });
  afterAll(() => n.t.close());

  const issued = async (dueDate: string, amountCents = 30_000, entity = '69', who = n.staff.rhone): Promise<Invoice> => {
    const created = await n.call(who, 'POST', '/api/v1/invoices', {
      entityId: n.ids[entity],
      organizationId: company,
      dueDate,
      lines: [{ label: 'Cotisation annuelle', quantity: 1, unitAmountCents: amountCents }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const response = await n.call(who, 'POST', `/api/v1/invoices/${created.json<Invoice>().id}/issue`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<Invoice>();
  };
  const pay = (invoiceId: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    n.call(n.staff.rhone, 'POST', `/api/v1/invoices/${invoiceId}/payments`, body, headers);

  it('records partial payments until the invoice is paid, and refuses overpayment in French', async () => {
    const invoice = await issued('2027-01-31');
    const first = await pay(invoice.id, { method: 'cheque', amountCents: 10_000, paidOn: '2026-11-20', reference: 'CHQ 1234567' });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json<{ payment: Payment; invoice: Invoice }>()).toMatchObject({
      payment: { method: 'cheque', amountCents: 10_000, paidOn: '2026-11-20', reference: 'CHQ 1234567' },
      invoice: { status: 'partially_paid', paidCents: 10_000, balanceCents: 20_000 },
    });

    const over = await pay(invoice.id, { method: 'transfer', amountCents: 20_001, paidOn: '2026-11-21' });
    expect(over.statusCode).toBe(422);
    expect(over.json().errors[0]).toMatchObject({ pointer: '/amountCents' });
    expect(over.json().errors[0].message).toMatch(/^Le montant dépasse le reste à payer de la facture COT-\d{4}-\d{6} \(200,00\s€\)\.$/);

    const rest = await pay(invoice.id, { method: 'sepa_debit', amountCents: 20_000, paidOn: '2026-11-22' });
    expect(rest.json<{ invoice: Invoice }>().invoice).toMatchObject({ status: 'paid', paidCents: 30_000, balanceCents: 0 });
    expect((await pay(invoice.id, { method: 'card', amountCents: 1, paidOn: '2026-11-23' })).statusCode).toBe(409);

    const list = await n.call(n.staff.rhoneViewer, 'GET', `/api/v1/invoices/${invoice.id}/payments`);
    expect(list.statusCode).toBe(200);
    expect(list.json<{ items: Payment[] }>().items.map((payment) => [payment.method, payment.amountCents])).toEqual([
      ['cheque', 10_000],
      ['sepa_debit', 20_000],
    ]);
  });

  it('refuses payments on drafts and unknown methods, and replays a retried payment with its Idempotency-Key', async () => {
    const draft = await n.call(n.staff.rhone, 'POST', '/api/v1/invoices', { entityId: n.ids['69'], organizationId: company, lines: [{ label: 'Cotisation', quantity: 1, unitAmountCents: 5_000 }] });
    expect((await pay(draft.json<Invoice>().id, { method: 'cheque', amountCents: 100, paidOn: '2026-11-20' })).statusCode).toBe(409);
    const invoice = await issued('2027-02-28', 9_000);
    expect((await pay(invoice.id, { method: 'cash', amountCents: 100, paidOn: '2026-11-20' })).statusCode).toBe(422);

    const body = { method: 'transfer', amountCents: 4_000, paidOn: '2026-11-20' };
    const once = await pay(invoice.id, body, { 'idempotency-key': 'payment-retry-1' });
    const again = await pay(invoice.id, body, { 'idempotency-key': 'payment-retry-1' });
    expect(once.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotency-replayed']).toBe('true');
    const current = (await n.call(n.staff.rhone, 'GET', `/api/v1/invoices/${invoice.id}`)).json<Invoice>();
    expect(current).toMatchObject({ paidCents: 4_000, balanceCents: 5_000 });
    const byViewer = await n.call(n.staff.rhoneViewer, 'POST', `/api/v1/invoices/${invoice.id}/payments`, { method: 'cheque', amountCents: 1, paidOn: '2026-11-20' });
    expect(byViewer.statusCode).toBe(403);
  });

  it('lists overdue invoices of one\'s own entities only: past due, with a balance left', async () => {
    const late = await issued('2020-01-31');
    const latePaid = await issued('2020-01-31', 1_000);
    await pay(latePaid.id, { method: 'card', amountCents: 1_000, paidOn: '2020-01-15' });
    const partlyPaid = await issued('2020-03-31', 2_000);
    await pay(partlyPaid.id, { method: 'card', amountCents: 500, paidOn: '2020-03-15' });
    const notYetDue = await issued('2099-12-31');
    const parisLate = await issued('2020-01-31', 7_000, '75', n.staff.paris);

    const overdue = await n.call(n.staff.rhone, 'GET', '/api/v1/invoices/overdue?limit=200');
    expect(overdue.statusCode, overdue.body).toBe(200);
    const ids = overdue.json<{ items: Invoice[] }>().items.map((invoice) => invoice.id);
    expect(ids).toEqual(expect.arrayContaining([late.id, partlyPaid.id]));
    expect(ids).not.toContain(latePaid.id);
    expect(ids).not.toContain(notYetDue.id);
    expect(ids).not.toContain(parisLate.id);

    const parisOverdue = await n.call(n.staff.paris, 'GET', '/api/v1/invoices/overdue');
    expect(parisOverdue.json<{ items: Invoice[] }>().items.map((invoice) => invoice.id)).toEqual([parisLate.id]);
  });
});
