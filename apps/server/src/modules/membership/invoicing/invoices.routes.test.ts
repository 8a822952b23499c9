import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId, withOwnerClient, withTransaction } from '../../../platform/db/index.js';
import type { CrmTestNetwork } from '../../../test/factories/crm-network.js';
import { createInvoicingTestNetwork, insertCompany } from '../../../test/factories/membership.js';
import { takeInvoiceNumber } from './invoice-numbering.js';
import type { Invoice } from './invoices.schema.js';

const DUES = { label: 'Cotisation 2026', quantity: 1, unitAmountCents: 48_000 };

describe('invoices API', () => {
  let n: CrmTestNetwork;
  let company: string;

  beforeAll(async () => {
    n = await createInvoicingTestNetwork('invoices');
    company = await insertCompany(n.database, 'Boulangerie Bellecour');
  });
  afterAll(() => n.t.close());

  const draft = async (body: Record<string, unknown> = {}, who = n.staff.rhone): Promise<Invoice> => {
    const response = await n.call(who, 'POST', '/api/v1/invoices', { entityId: n.ids['69'], organizationId: company, dueDate: '2026-12-31', lines: [DUES], ...body });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<Invoice>();
  };
  const issue = async (id: string, who = n.staff.rhone): Promise<Invoice> => {
    const response = await n.call(who, 'POST', `/api/v1/invoices/${id}/issue`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<Invoice>();
  };
  const sequenceOf = (number: string | null) => Number(number!.split('-')[2]);

  it('drafts without a number, edits the draft with If-Match, then issues with the next number and frozen snapshots', async () => {
    const created = await draft({ dueDate: null });
    expect(created).toMatchObject({ status: 'draft', number: null, series: 'COT', vatRegime: 'outside_scope', vatMention: 'TVA non applicable, art. 261 du CGI', totalInclTaxCents: 48_000, balanceCents: 0, issuer: null });

    const missingDueDate = await n.call(n.staff.rhone, 'POST', `/api/v1/invoices/${created.id}/issue`);
    expect(missingDueDate.statusCode).toBe(422);
    expect(missingDueDate.json().errors).toEqual([{ pointer: '/dueDate', message: "Indiquez la date d'échéance avant d'émettre la facture." }]);

    const stale = await n.call(n.staff.rhone, 'PATCH', `/api/v1/invoices/${created.id}`, { dueDate: '2027-01-31' }, { 'if-match': '"99"' });
    expect(stale.statusCode).toBe(412);
    const patched = await n.call(n.staff.rhone, 'PATCH', `/api/v1/invoices/${created.id}`, { dueDate: '2027-01-31', lines: [DUES, { label: 'Frais de dossier', quantity: 2, unitAmountCents: 1_500 }] }, { 'if-match': `"${created.version}"` });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json<Invoice>()).toMatchObject({ dueDate: '2027-01-31', totalInclTaxCents: 51_000, lines: [{ position: 1 }, { position: 2, totalExclTaxCents: 3_000 }] });

    const issued = await issue(created.id);
    expect(issued.number).toMatch(/^COT-\d{4}-\d{6}$/);
    expect(issued.number!.slice(4, 8)).toBe(issued.issueDate!.slice(0, 4));
    expect(issued).toMatchObject({
      status: 'issued',
      balanceCents: 51_000,
      issuer: { name: 'Union territoriale du Rhône', siren: '775663438', address: { city: 'Lyon' } },
      customer: { name: 'Boulangerie Bellecour', address: { street: '3 place Bellecour', postalCode: '69003', city: 'Lyon' } },
    });
  });

  it('refuses to change an issued invoice, in French, and refuses issuing twice', async () => {
    const issued = await issue((await draft()).id);
    const patch = await n.call(n.staff.rhone, 'PATCH', `/api/v1/invoices/${issued.id}`, { dueDate: '2027-03-01' }, { 'if-match': `"${issued.version}"` });
    expect(patch.statusCode).toBe(409);
    expect(patch.json()).toMatchObject({ code: 'invoice_not_draft', detail: `La facture ${issued.number} est émise : elle ne peut plus être modifiée. Pour la corriger, établissez un avoir.` });
    expect((await n.call(n.staff.rhone, 'POST', `/api/v1/invoices/${issued.id}/issue`)).statusCode).toBe(409);
    // The database refuses too, whoever writes.
    const system = { kind: 'system' } as const;
    await expect(withTransaction(n.database, system, (tx) => tx.client.query(`UPDATE invoices SET due_date = '2030-01-01' WHERE id = $1`, [issued.id]))).rejects.toThrow(/immutable/);
    await expect(withTransaction(n.database, system, (tx) => tx.client.query('DELETE FROM invoice_lines WHERE invoice_id = $1', [issued.id]))).rejects.toThrow(/immutable/);
    // A CRM merge may re-point the customer: the frozen snapshot is what the invoice shows.
    const survivor = await insertCompany(n.database, 'Boulangerie Bellecour (fiche conservée)');
    await withTransaction(n.database, system, (tx) => tx.client.query('UPDATE invoices SET organization_id = $2 WHERE id = $1', [issued.id, survivor]));
    const moved = (await n.call(n.staff.rhone, 'GET', `/api/v1/invoices/${issued.id}`)).json<Invoice>();
    expect(moved).toMatchObject({ organizationId: survivor, customer: issued.customer });
  });

  it('follows the survivor when the CRM merges duplicate companies', async () => {
    const duplicate = await insertCompany(n.database, 'Boulangerie Bellecour (doublon)');
    const survivor = await insertCompany(n.database, 'Boulangerie Bellecour (fiche principale)');
    await withOwnerClient(n.database, async (client) => {
      for (const organizationId of [duplicate, survivor]) {
        await client.query(`INSERT INTO organization_links (id, organization_id, entity_id, attached_by) VALUES ($1, $2, $3, 'manual')`, [newId(), organizationId, n.ids['69']]);
      }
    });
    const issued = await issue((await draft({ organizationId: duplicate })).id);
    const merge = await n.call(n.staff.rhoneAdmin, 'POST', `/api/v1/organizations/${survivor}/merge`, { duplicateIds: [duplicate] });
    expect(merge.statusCode, merge.body).toBe(200);
    expect(merge.json()).toMatchObject({ moved: { invoices: 1 } });
    expect((await n.call(n.staff.rhone, 'GET', `/api/v1/invoices/${issued.id}`)).json<Invoice>()).toMatchObject({ organizationId: survivor, customer: issued.customer });
  });

  it('numbers without gap: sequential issues, and a rolled-back issuance gives its number back', async () => {
    const first = await issue((await draft({ series: 'SEQ' })).id);
    const second = await issue((await draft({ series: 'SEQ' })).id);
    expect(sequenceOf(first.number)).toBe(1);
    expect(sequenceOf(second.number)).toBe(2);

    // An issuing transaction that takes the number, then fails.
    await expect(
      withTransaction(n.database, { kind: 'entities', entityRoots: [n.ids['69']!], userId: null }, async (tx) => {
        const taken = await takeInvoiceNumber(tx, n.ids['69']!, 'SEQ');
        expect(taken.sequence).toBe(3);
        throw new Error('the issuance fails after numbering');
      }),
    ).rejects.toThrow('the issuance fails after numbering');

    const third = await issue((await draft({ series: 'SEQ' })).id);
    expect(sequenceOf(third.number)).toBe(3);
  });

  it.runIf(process.env.DATABASE_URL)('hands a rolled-back number to the issuer that was waiting for it (PostgreSQL)', async () => {
    const scope = { kind: 'entities' as const, entityRoots: [n.ids['69']!], userId: null };
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let numbered!: () => void;
    const firstNumbered = new Promise<void>((resolve) => (numbered = resolve));
    // A: takes number 1 of the series, holds the counter lock, then rolls back.
    const failing = withTransaction(n.database, scope, async (tx) => {
      expect((await takeInvoiceNumber(tx, n.ids['69']!, 'WAIT')).sequence).toBe(1);
      numbered();
      await held;
      throw new Error('rolled back while another issuer waits');
    });
    await firstNumbered;
    // B: an issuance through the API, which queues on A's lock.
    const waiting = issue((await draft({ series: 'WAIT' })).id);
    await new Promise((resolve) => setTimeout(resolve, 200));
    release();
    await expect(failing).rejects.toThrow('rolled back while another issuer waits');
    expect(sequenceOf((await waiting).number)).toBe(1);
  });

  it('gives numbers 1 to 20 to 20 concurrent issuances, with no gap and no duplicate', async () => {
    const drafts: Invoice[] = [];
    for (let index = 0; index < 20; index += 1) drafts.push(await draft({ series: 'CONC' }));
    const responses = await Promise.all(drafts.map((item) => n.call(n.staff.rhone, 'POST', `/api/v1/invoices/${item.id}/issue`)));
    expect(responses.map((response) => response.statusCode)).toEqual(Array(20).fill(200));
    const sequences = responses.map((response) => sequenceOf(response.json<Invoice>().number)).sort((a, b) => a - b);
    expect(sequences).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
  });

  it('numbers each issuing entity separately and refuses an issuer without legal identity', async () => {
    const paris = await issue((await draft({ entityId: n.ids['75'], series: 'SEP' }, n.staff.paris)).id, n.staff.paris);
    const rhone = await issue((await draft({ series: 'SEP' })).id);
    expect(sequenceOf(paris.number)).toBe(1);
    expect(sequenceOf(rhone.number)).toBe(1);

    const regional = await draft({ entityId: n.ids.R84 }, n.staff.region);
    const refused = await n.call(n.staff.region, 'POST', `/api/v1/invoices/${regional.id}/issue`);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('issuer_without_legal_identity');
  });

  it('issues credit notes in their own series against an issued invoice', async () => {
    const invoice = await issue((await draft({ lines: [DUES, { label: 'Option', quantity: 1, unitAmountCents: 2_000 }] })).id);
    const partial = await n.call(n.staff.rhone, 'POST', `/api/v1/invoices/${invoice.id}/credit-notes`, { lines: [{ label: 'Remise option', quantity: 1, unitAmountCents: 2_000 }] });
    expect(partial.statusCode, partial.body).toBe(201);
    const creditNote = partial.json<Invoice>();
    const credited = (await n.call(n.staff.rhone, 'GET', `/api/v1/invoices/${invoice.id}`)).json<Invoice>();
    expect(creditNote).toMatchObject({ kind: 'credit_note', series: 'AV', status: 'issued', creditedInvoiceId: invoice.id, totalInclTaxCents: 2_000 });
    expect(creditNote.number).toMatch(/^AV-\d{4}-\d{6}$/);
    expect(credited).toMatchObject({ status: 'issued', creditedCents: 2_000, balanceCents: 48_000 });

    const tooMuch = await n.call(n.staff.rhone, 'POST', `/api/v1/invoices/${invoice.id}/credit-notes`, { lines: [{ label: 'Trop', quantity: 1, unitAmountCents: 48_001 }] });
    expect(tooMuch.statusCode).toBe(422);
    expect(tooMuch.json().errors[0].pointer).toBe('/lines');

    const whole = await issue((await draft()).id);
    const cancelled = await n.call(n.staff.rhone, 'POST', `/api/v1/invoices/${whole.id}/credit-notes`, {});
    expect(cancelled.statusCode, cancelled.body).toBe(201);
    const wholeCredit = cancelled.json<Invoice>();
    expect((await n.call(n.staff.rhone, 'GET', `/api/v1/invoices/${whole.id}`)).json<Invoice>()).toMatchObject({ status: 'cancelled', balanceCents: 0 });
    expect(wholeCredit.lines).toEqual(whole.lines);
    expect(sequenceOf(wholeCredit.number)).toBe(sequenceOf(creditNote.number) + 1);
    expect((await n.call(n.staff.rhone, 'POST', `/api/v1/invoices/${whole.id}/credit-notes`, {})).statusCode).toBe(409);
  });

  it('lists with filters and keyset pages, and keeps other branches\' invoices out of sight (404)', async () => {
    const rhoneInvoice = await issue((await draft({ series: 'ISO' })).id);
    const rhoneDraft = await draft({ series: 'ISO' });
    const parisInvoice = await issue((await draft({ entityId: n.ids['75'], series: 'ISO' }, n.staff.paris)).id, n.staff.paris);

    const page = await n.call(n.staff.rhone, 'GET', `/api/v1/invoices?filter[status]=issued&filter[organizationId]=${company}&limit=2`);
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json().items).toHaveLength(2);
    expect(page.json().nextCursor).toEqual(expect.any(String));
    const byNumber = await n.call(n.staff.rhone, 'GET', `/api/v1/invoices?filter[number]=${rhoneInvoice.number}`);
    expect(byNumber.json().items.map((item: Invoice) => item.id)).toEqual([rhoneInvoice.id]);
    const today = rhoneInvoice.issueDate!;
    const issuedToday = await n.call(n.staff.rhone, 'GET', `/api/v1/invoices?filter[issueDate][gte]=${today}&filter[issueDate][lte]=${today}&limit=200`);
    expect(issuedToday.json().items.every((item: Invoice) => item.issueDate === today)).toBe(true);

    const parisList = await n.call(n.staff.paris, 'GET', '/api/v1/invoices?limit=200');
    expect(parisList.json().items.map((item: Invoice) => item.id)).toEqual(expect.arrayContaining([parisInvoice.id]));
    expect(parisList.json().items.every((item: Invoice) => item.entityId === n.ids['75'])).toBe(true);

    for (const [method, url, payload] of [
      ['GET', `/api/v1/invoices/${rhoneInvoice.id}`, undefined],
      ['POST', `/api/v1/invoices/${rhoneDraft.id}/issue`, undefined],
      ['POST', `/api/v1/invoices/${rhoneInvoice.id}/credit-notes`, {}],
      ['POST', `/api/v1/invoices/${rhoneInvoice.id}/payments`, { method: 'cheque', amountCents: 100, paidOn: '2026-11-01' }],
      ['GET', `/api/v1/invoices/${rhoneInvoice.id}/payments`, undefined],
    ] as const) {
      const response = await n.call(n.staff.paris, method, url, payload);
      expect(response.statusCode, `${method} ${url}`).toBe(404);
    }
    const patch = await n.call(n.staff.paris, 'PATCH', `/api/v1/invoices/${rhoneDraft.id}`, { dueDate: '2027-01-01' }, { 'if-match': '*' });
    expect(patch.statusCode).toBe(404);
    // The region above the Rhône sees its invoices; Paris cannot bill in the Rhône's name.
    expect((await n.call(n.staff.region, 'GET', `/api/v1/invoices/${rhoneInvoice.id}`)).statusCode).toBe(200);
    const foreign = await n.call(n.staff.paris, 'POST', '/api/v1/invoices', { entityId: n.ids['69'], organizationId: company, lines: [DUES] });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().errors[0].pointer).toBe('/entityId');
  });

  it('lets viewers read but not write, and validates VAT and customers with French messages', async () => {
    expect((await n.call(n.staff.rhoneViewer, 'GET', '/api/v1/invoices')).statusCode).toBe(200);
    expect((await n.call(n.staff.rhoneViewer, 'POST', '/api/v1/invoices', { entityId: n.ids['69'], organizationId: company, lines: [DUES] })).statusCode).toBe(403);
    const vat = await n.call(n.staff.rhone, 'POST', '/api/v1/invoices', { entityId: n.ids['69'], organizationId: company, lines: [{ ...DUES, vatRateBasisPoints: 2_000 }] });
    expect(vat.statusCode).toBe(422);
    expect(vat.json().errors).toEqual([{ pointer: '/lines/0/vatRateBasisPoints', message: 'Une facture hors champ de TVA ne peut pas porter de taux de TVA sur ses lignes.' }]);
    const standard = await draft({ vatRegime: 'standard', lines: [{ ...DUES, vatRateBasisPoints: 2_000 }] });
    expect(standard).toMatchObject({ vatMention: null, totalVatCents: 9_600, totalInclTaxCents: 57_600 });
    const unknown = await n.call(n.staff.rhone, 'POST', '/api/v1/invoices', { entityId: n.ids['69'], organizationId: '0190e0a0-0000-7000-8000-000000000000', lines: [DUES] });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors[0]).toEqual({ pointer: '/organizationId', message: 'Cette entreprise est introuvable.' });
  });
});
