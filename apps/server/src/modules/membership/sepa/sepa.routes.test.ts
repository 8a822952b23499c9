import { create } from 'xmlbuilder2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId, withOwnerClient } from '../../../platform/db/index.js';
import type { SignedIn } from '../../../test/auth.js';
import type { CrmTestNetwork } from '../../../test/factories/crm-network.js';
import { createInvoicingTestNetwork, insertCompany } from '../../../test/factories/membership.js';
import type { Invoice } from '../invoicing/invoices.schema.js';
import type { Batch, Mandate } from './sepa.schema.js';

const DEBTOR_IBAN = 'FR7630006000011234567890189';
const PARIS_DEBTOR_IBAN = 'DE89370400440532013000';
const CREDITOR = { creditorIdentifier: 'FR72ZZZ123456', iban: 'FR14 2004 1010 0505 0001 3M02 606', bic: 'PSSTFRPPLYO' };

interface TransactionXml {
  PmtId: { EndToEndId: string };
  InstdAmt: { '#': string; '@Ccy': string };
  DbtrAcct: { Id: { IBAN: string } };
}
interface PaymentInformationXml {
  PmtTpInf: { SeqTp: string };
  DrctDbtTxInf: TransactionXml | TransactionXml[];
}
interface Pain008Xml {
  Document: { CstmrDrctDbtInitn: { GrpHdr: { MsgId: string; NbOfTxs: string; CtrlSum: string }; PmtInf: PaymentInformationXml | PaymentInformationXml[] } };
}
/** A collection date the given number of days from today (the service refuses past dates). */
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const asArray = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

describe('SEPA direct debit: creditor, mandates, pain.008 batches', () => {
  let n: CrmTestNetwork;
  let debtor: string;
  let noMandateCompany: string;
  let parisDebtor: string;

  beforeAll(async () => {
    n = await createInvoicingTestNetwork('sepa');
    debtor = await insertCompany(n.database, 'Garage du Rhône');
    noMandateCompany = await insertCompany(n.database, 'Imprimerie sans mandat');
    parisDebtor = await insertCompany(n.database, 'Boulangerie de Paris', 'Paris', '75011');
  });
  afterAll(() => n.t.close());

  const issued = async (organizationId: string, amountCents: number, entity = '69', who = n.staff.rhone): Promise<Invoice> => {
    const created = await n.call(who, 'POST', '/api/v1/invoices', {
      entityId: n.ids[entity],
      organizationId,
      dueDate: '2027-01-31',
      lines: [{ label: 'Cotisation annuelle', quantity: 1, unitAmountCents: amountCents }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const response = await n.call(who, 'POST', `/api/v1/invoices/${created.json<Invoice>().id}/issue`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<Invoice>();
  };
  // The shared CRM test helper has no PUT.
  const put = (who: SignedIn, url: string, payload: unknown) => n.call(who, 'PUT', url, payload);
  const mandateBody = (overrides: Record<string, unknown> = {}) => ({
    entityId: n.ids['69'],
    organizationId: debtor,
    reference: 'RUM-69-0001',
    signatureDate: '2026-09-01',
    debtorName: 'Garage du Rhône SARL',
    iban: 'FR76 3000 6000 0112 3456 7890 189',
    bic: 'AGRIFRPP',
    ...overrides,
  });

  it('stores the creditor identifier per entity, checked with its mod 97-10 key, and hides it from other branches', async () => {
    const invalid = await put(n.staff.rhone, `/api/v1/entities/${n.ids['69']}/sepa-creditor`, { ...CREDITOR, creditorIdentifier: 'FR12ZZZ123456' });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.json().errors).toEqual([{ pointer: '/creditorIdentifier', message: expect.stringMatching(/^L'identifiant créancier SEPA \(ICS\) n'est pas valide/) }]);

    const saved = await put(n.staff.rhone, `/api/v1/entities/${n.ids['69']}/sepa-creditor`, { ...CREDITOR, creditorIdentifier: 'fr72 zzz 123456' });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ creditorIdentifier: 'FR72ZZZ123456', iban: 'FR1420041010050500013M02606', bic: 'PSSTFRPPLYO' });
    expect((await n.call(n.staff.rhoneViewer, 'GET', `/api/v1/entities/${n.ids['69']}/sepa-creditor`)).json()).toMatchObject({ creditorIdentifier: 'FR72ZZZ123456' });

    expect((await n.call(n.staff.paris, 'GET', `/api/v1/entities/${n.ids['69']}/sepa-creditor`)).statusCode).toBe(404);
    expect((await put(n.staff.paris, `/api/v1/entities/${n.ids['69']}/sepa-creditor`, CREDITOR)).statusCode).toBe(404);
    expect((await put(n.staff.rhoneViewer, `/api/v1/entities/${n.ids['69']}/sepa-creditor`, CREDITOR)).statusCode).toBe(403);
  });

  it('records a mandate with the IBAN encrypted at rest and masked in the API; rejects an invalid IBAN or BIC in French', async () => {
    const invalid = await n.call(n.staff.rhone, 'POST', '/api/v1/sepa-mandates', mandateBody({ iban: 'FR76 3000 6000 0112 3456 7890 188', bic: 'XX' }));
    expect(invalid.statusCode).toBe(422);
    expect(invalid.json().errors.map((error: { pointer: string }) => error.pointer)).toEqual(['/iban', '/bic']);
    expect(invalid.json().errors[0].message).toMatch(/^L'IBAN saisi n'est pas valide/);

    const created = await n.call(n.staff.rhone, 'POST', '/api/v1/sepa-mandates', mandateBody());
    expect(created.statusCode, created.body).toBe(201);
    const mandate = created.json<Mandate>();
    expect(mandate).toMatchObject({ reference: 'RUM-69-0001', ibanMasked: '**** 0189', bic: 'AGRIFRPP', sequenceType: 'FRST', status: 'active' });
    expect(created.body).not.toContain('1234567890');

    const stored = await withOwnerClient(n.database, (client) => client.query<{ iban_encrypted: string; iban_last4: string }>('SELECT iban_encrypted, iban_last4 FROM sepa_mandates WHERE id = $1', [mandate.id]));
    expect(stored.rows[0]!.iban_encrypted).toMatch(/^[\w-]+:[A-Za-z0-9+/=]+$/);
    expect(stored.rows[0]!.iban_encrypted).not.toContain('30006000');
    expect(stored.rows[0]!.iban_last4).toBe('0189');

    const again = await n.call(n.staff.rhone, 'POST', '/api/v1/sepa-mandates', mandateBody({ reference: 'RUM-69-0002' }));
    expect(again.statusCode).toBe(409);
    const unknownCompany = await n.call(n.staff.rhone, 'POST', '/api/v1/sepa-mandates', mandateBody({ reference: 'RUM-69-0003', organizationId: '0190a000-0000-7000-8000-000000000000' }));
    expect(unknownCompany.statusCode).toBe(422);
    expect((await n.call(n.staff.paris, 'POST', '/api/v1/sepa-mandates', mandateBody({ reference: 'RUM-X' }))).json().errors[0].pointer).toBe('/entityId');
  });

  it('isolates mandates by branch: Paris cannot see, list or revoke the Rhône ones', async () => {
    const paris = await n.call(n.staff.paris, 'POST', '/api/v1/sepa-mandates', mandateBody({ entityId: n.ids['75'], organizationId: parisDebtor, reference: 'RUM-75-0001', iban: PARIS_DEBTOR_IBAN, bic: null }));
    expect(paris.statusCode, paris.body).toBe(201);
    const rhoneList = (await n.call(n.staff.rhoneViewer, 'GET', `/api/v1/sepa-mandates?organizationId=${debtor}`)).json<{ items: Mandate[] }>().items;
    expect(rhoneList).toHaveLength(1);
    const rhoneMandate = rhoneList[0]!;

    expect((await n.call(n.staff.paris, 'GET', `/api/v1/sepa-mandates/${rhoneMandate.id}`)).statusCode).toBe(404);
    expect((await n.call(n.staff.paris, 'POST', `/api/v1/sepa-mandates/${rhoneMandate.id}/revoke`)).statusCode).toBe(404);
    const parisList = (await n.call(n.staff.paris, 'GET', '/api/v1/sepa-mandates')).json<{ items: Mandate[] }>().items;
    expect(parisList.map((mandate) => mandate.reference)).toEqual(['RUM-75-0001']);
    expect((await n.call(n.staff.rhone, 'GET', `/api/v1/sepa-mandates/${paris.json<Mandate>().id}`)).statusCode).toBe(404);
  });

  it('exports a pain.008 batch of the unpaid invoices with a mandate, never collecting an invoice twice', async () => {
    const first = await issued(debtor, 30_000);
    const second = await issued(debtor, 12_345);
    const paidPart = await n.call(n.staff.rhone, 'POST', `/api/v1/invoices/${second.id}/payments`, { method: 'cheque', amountCents: 2_345, paidOn: '2026-11-20' });
    expect(paidPart.statusCode, paidPart.body).toBe(201);
    const withoutMandate = await issued(noMandateCompany, 5_000);
    await issued(parisDebtor, 7_000, '75', n.staff.paris);

    const refused = await n.call(n.staff.rhone, 'POST', '/api/v1/sepa-batches', { entityId: n.ids['69'], collectionDate: inDays(10), invoiceIds: [withoutMandate.id] });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors[0].pointer).toBe('/invoiceIds/0');
    const parisWithoutCreditor = await n.call(n.staff.paris, 'POST', '/api/v1/sepa-batches', { entityId: n.ids['75'], collectionDate: inDays(10) });
    expect(parisWithoutCreditor.statusCode).toBe(422);

    const created = await n.call(n.staff.rhone, 'POST', '/api/v1/sepa-batches', { entityId: n.ids['69'], collectionDate: inDays(10) });
    expect(created.statusCode, created.body).toBe(201);
    const batch = created.json<Batch>();
    expect(batch).toMatchObject({ numberOfTransactions: 2, controlSumCents: 40_000, collectionDate: inDays(10) });
    expect(batch.items.map((item) => item.invoiceId).sort()).toEqual([first.id, second.id].sort());
    expect(created.body).not.toContain(DEBTOR_IBAN);

    const download = await n.call(n.staff.rhoneViewer, 'GET', `/api/v1/sepa-batches/${batch.id}/pain.008.xml`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toMatch(/^application\/xml/);
    const xml = create(download.body).end({ format: 'object' }) as unknown as Pain008Xml;
    const initiation = xml.Document.CstmrDrctDbtInitn;
    expect(initiation.GrpHdr).toMatchObject({ MsgId: batch.messageId, NbOfTxs: '2', CtrlSum: '400.00' });
    const blocks = asArray(initiation.PmtInf);
    expect(blocks.map((block) => block.PmtTpInf.SeqTp)).toEqual(['FRST']);
    const transactions = blocks.flatMap((block) => asArray(block.DrctDbtTxInf));
    expect(transactions.map((transaction) => [transaction.PmtId.EndToEndId, transaction.InstdAmt['#'], transaction.InstdAmt['@Ccy'], transaction.DbtrAcct.Id.IBAN])).toEqual([
      [first.number, '300.00', 'EUR', DEBTOR_IBAN],
      [second.number, '100.00', 'EUR', DEBTOR_IBAN],
    ]);
    expect(download.body).not.toContain(PARIS_DEBTOR_IBAN);

    // Re-running collects nothing new: same invoices are never in two batches.
    const rerun = await n.call(n.staff.rhone, 'POST', '/api/v1/sepa-batches', { entityId: n.ids['69'], collectionDate: inDays(10) });
    expect(rerun.statusCode).toBe(409);
    expect(rerun.json().code).toBe('sepa_nothing_to_collect');
    const rerunListed = await n.call(n.staff.rhone, 'POST', '/api/v1/sepa-batches', { entityId: n.ids['69'], collectionDate: inDays(11), invoiceIds: [first.id] });
    expect(rerunListed.statusCode).toBe(409);
    const count = await withOwnerClient(n.database, (client) => client.query<{ count: string }>('SELECT count(*) FROM sepa_batch_items WHERE invoice_id = $1', [first.id]));
    expect(Number(count.rows[0]!.count)).toBe(1);

    // After the first collection the mandate is recurrent: the next invoice goes out as RCUR.
    const third = await issued(debtor, 1_005);
    const next = await n.call(n.staff.rhone, 'POST', '/api/v1/sepa-batches', { entityId: n.ids['69'], collectionDate: inDays(40) });
    expect(next.statusCode, next.body).toBe(201);
    expect(next.json<Batch>()).toMatchObject({ numberOfTransactions: 1, controlSumCents: 1_005, items: [{ invoiceId: third.id, sequenceType: 'RCUR' }] });
    expect(next.json<Batch>().messageId).not.toBe(batch.messageId);

    // Branch isolation on batches.
    expect((await n.call(n.staff.paris, 'GET', `/api/v1/sepa-batches/${batch.id}`)).statusCode).toBe(404);
    expect((await n.call(n.staff.paris, 'GET', `/api/v1/sepa-batches/${batch.id}/pain.008.xml`)).statusCode).toBe(404);
    expect((await n.call(n.staff.paris, 'POST', '/api/v1/sepa-batches', { entityId: n.ids['69'], collectionDate: inDays(10) })).statusCode).toBe(422);
    expect((await n.call(n.staff.rhoneViewer, 'POST', '/api/v1/sepa-batches', { entityId: n.ids['69'], collectionDate: inDays(10) })).statusCode).toBe(403);
  });

  it('refuses a past collection date, and builds one batch only when two requests race', async () => {
    const past = await n.call(n.staff.rhone, 'POST', '/api/v1/sepa-batches', { entityId: n.ids['69'], collectionDate: '2020-01-10' });
    expect(past.statusCode).toBe(422);
    expect(past.json().errors[0].pointer).toBe('/collectionDate');

    const invoice = await issued(debtor, 4_200);
    const body = { entityId: n.ids['69'], collectionDate: inDays(100), invoiceIds: [invoice.id] };
    const responses = await Promise.all([n.call(n.staff.rhone, 'POST', '/api/v1/sepa-batches', body), n.call(n.staff.rhone, 'POST', '/api/v1/sepa-batches', body)]);
    expect(responses.map((response) => response.statusCode).sort()).toEqual([201, 409]);
  });

  it('collects a one-off (OOFF) mandate once only', async () => {
    const company = await insertCompany(n.database, 'Traiteur ponctuel');
    const mandate = await n.call(n.staff.rhone, 'POST', '/api/v1/sepa-mandates', mandateBody({ organizationId: company, reference: 'RUM-OOFF-1', sequenceType: 'OOFF' }));
    expect(mandate.statusCode, mandate.body).toBe(201);
    const firstInvoice = await issued(company, 1_000);
    const secondInvoice = await issued(company, 2_000);
    const batch = await n.call(n.staff.rhone, 'POST', '/api/v1/sepa-batches', { entityId: n.ids['69'], collectionDate: inDays(120), invoiceIds: [firstInvoice.id, secondInvoice.id] });
    expect(batch.statusCode, batch.body).toBe(201);
    expect(batch.json<Batch>().items).toEqual([expect.objectContaining({ invoiceId: firstInvoice.id, sequenceType: 'OOFF' })]);
    const later = await n.call(n.staff.rhone, 'POST', '/api/v1/sepa-batches', { entityId: n.ids['69'], collectionDate: inDays(121), invoiceIds: [secondInvoice.id] });
    expect(later.statusCode).toBe(422);
  });

  it('moves mandates to the survivor when the CRM merges duplicate companies, keeping one active mandate', async () => {
    const duplicate = await insertCompany(n.database, 'Menuiserie Part-Dieu (doublon)');
    const survivor = await insertCompany(n.database, 'Menuiserie Part-Dieu');
    await withOwnerClient(n.database, async (client) => {
      for (const organizationId of [duplicate, survivor]) {
        await client.query(`INSERT INTO organization_links (id, organization_id, entity_id, attached_by) VALUES ($1, $2, $3, 'manual')`, [newId(), organizationId, n.ids['69']]);
      }
    });
    const kept = await n.call(n.staff.rhone, 'POST', '/api/v1/sepa-mandates', mandateBody({ organizationId: survivor, reference: 'RUM-MERGE-1' }));
    const moved = await n.call(n.staff.rhone, 'POST', '/api/v1/sepa-mandates', mandateBody({ organizationId: duplicate, reference: 'RUM-MERGE-2' }));
    expect([kept.statusCode, moved.statusCode]).toEqual([201, 201]);

    const merge = await n.call(n.staff.rhoneAdmin, 'POST', `/api/v1/organizations/${survivor}/merge`, { duplicateIds: [duplicate] });
    expect(merge.statusCode, merge.body).toBe(200);
    expect(merge.json()).toMatchObject({ moved: { sepa_mandates: 1 } });
    const mandates = (await n.call(n.staff.rhone, 'GET', `/api/v1/sepa-mandates?organizationId=${survivor}`)).json<{ items: Mandate[] }>().items;
    expect(mandates.map((mandate) => [mandate.reference, mandate.status]).sort()).toEqual([
      ['RUM-MERGE-1', 'active'],
      ['RUM-MERGE-2', 'revoked'],
    ]);
  });

  it('revokes a mandate once: its company is no longer collected', async () => {
    const mandate = (await n.call(n.staff.rhone, 'GET', `/api/v1/sepa-mandates?organizationId=${debtor}&status=active`)).json<{ items: Mandate[] }>().items[0]!;
    const revoked = await n.call(n.staff.rhone, 'POST', `/api/v1/sepa-mandates/${mandate.id}/revoke`);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json<Mandate>()).toMatchObject({ status: 'revoked', revokedAt: expect.any(String) });
    expect((await n.call(n.staff.rhone, 'POST', `/api/v1/sepa-mandates/${mandate.id}/revoke`)).json<Mandate>().revokedAt).toBe(revoked.json<Mandate>().revokedAt);
    await issued(debtor, 2_000);
    expect((await n.call(n.staff.rhone, 'POST', '/api/v1/sepa-batches', { entityId: n.ids['69'], collectionDate: inDays(70) })).statusCode).toBe(409);
  });
});
