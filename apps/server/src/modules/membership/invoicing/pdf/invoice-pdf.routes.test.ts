import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withOwnerClient, withTransaction } from '../../../../platform/db/index.js';
import type { CrmTestNetwork } from '../../../../test/factories/crm-network.js';
import { createInvoicingTestNetwork, insertCompany } from '../../../../test/factories/membership.js';
import { pdfPagesText } from '../../../../test/pdf-text.js';
import type { Invoice } from '../invoices.schema.js';

async function pdfText(bytes: Uint8Array): Promise<{ pageCount: number; text: string }> {
  const pages = await pdfPagesText(bytes);
  return { pageCount: pages.length, text: pages.flat().join('\n') };
}

const DUES = { label: 'Cotisation annuelle 2026 — adhésion « Union territoriale du Rhône » et services associés', quantity: 1, unitAmountCents: 123_456 };

describe('invoice PDF API', () => {
  let n: CrmTestNetwork;
  let company: string;

  beforeAll(async () => {
    n = await createInvoicingTestNetwork('invoice-pdf');
    company = await insertCompany(n.database, 'Boulangerie Bellecour');
  });
  afterAll(() => n.t.close());

  const draft = async (entity = '69', who = n.staff.rhone): Promise<Invoice> => {
    const response = await n.call(who, 'POST', '/api/v1/invoices', { entityId: n.ids[entity], organizationId: company, dueDate: '2026-12-31', lines: [DUES] });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<Invoice>();
  };
  const issue = async (id: string, who = n.staff.rhone): Promise<Invoice> => {
    const response = await n.call(who, 'POST', `/api/v1/invoices/${id}/issue`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<Invoice>();
  };
  const generations = async (id: string): Promise<number> =>
    withOwnerClient(n.database, async (client) => {
      const { rows } = await client.query<{ count: string }>(`SELECT count(*) AS count FROM audit_events WHERE action = 'membership.invoice_pdf.generated' AND resource_id = $1`, [id]);
      return Number(rows[0]!.count);
    });

  it('renders an issued invoice once with its legal mentions, stores it and answers the same bytes on every download', async () => {
    const invoice = await issue((await draft()).id);
    const first = await n.call(n.staff.rhone, 'GET', `/api/v1/invoices/${invoice.id}/pdf`);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.headers['content-type']).toBe('application/pdf');
    expect(first.headers['content-disposition']).toBe(`attachment; filename="${invoice.number}.pdf"`);
    expect(first.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const { pageCount, text } = await pdfText(first.rawPayload);
    expect(pageCount).toBeGreaterThanOrEqual(1);
    for (const expected of [
      'FACTURE',
      `N° ${invoice.number}`,
      'Union territoriale du Rhône',
      'SIREN : 775663438',
      `SIREN : ${invoice.customer!.siren}`,
      'Boulangerie Bellecour',
      '3 place Bellecour',
      "Date d'échéance : 31/12/2026",
      'Cotisation annuelle 2026 — adhésion « Union',
      'Total TTC à payer',
      '1\u00a0234,56\u00a0€',
      'TVA non applicable, art. 261 du CGI',
      'pénalités de retard',
      'frais de recouvrement de 40\u00a0€',
    ]) {
      expect(text.replace(/\n/g, ' ')).toContain(expected);
    }

    // The viewer and the Rhône's region download the same stored document; it is generated (and audited) once.
    for (const who of [n.staff.rhone, n.staff.rhoneViewer, n.staff.region]) {
      const again = await n.call(who, 'GET', `/api/v1/invoices/${invoice.id}/pdf`);
      expect(again.statusCode).toBe(200);
      expect(again.rawPayload.equals(first.rawPayload)).toBe(true);
      expect(again.headers.etag).toBe(first.headers.etag);
    }
    expect(await generations(invoice.id)).toBe(1);

    // The application role may add a document, never rewrite it.
    await expect(
      withTransaction(n.database, { kind: 'system' }, (tx) => tx.client.query(`UPDATE invoice_documents SET content = '\\x00' WHERE invoice_id = $1`, [invoice.id])),
    ).rejects.toThrow(/permission denied/);
  });

  it('stores one document when first downloads race: every answer carries the same bytes', async () => {
    const invoice = await issue((await draft()).id);
    const responses = await Promise.all([n.staff.rhone, n.staff.rhoneViewer, n.staff.region].map((who) => n.call(who, 'GET', `/api/v1/invoices/${invoice.id}/pdf`)));
    for (const response of responses) {
      expect(response.statusCode, response.body).toBe(200);
      expect(response.rawPayload.equals(responses[0]!.rawPayload)).toBe(true);
    }
    expect(await generations(invoice.id)).toBe(1);
  });

  it('prints a credit note as AVOIR with the invoice it credits', async () => {
    const invoice = await issue((await draft()).id);
    const created = await n.call(n.staff.rhone, 'POST', `/api/v1/invoices/${invoice.id}/credit-notes`, {});
    expect(created.statusCode, created.body).toBe(201);
    const creditNote = created.json<Invoice>();
    const response = await n.call(n.staff.rhone, 'GET', `/api/v1/invoices/${creditNote.id}/pdf`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-disposition']).toBe(`attachment; filename="${creditNote.number}.pdf"`);
    const { text } = await pdfText(response.rawPayload);
    expect(text).toContain('AVOIR');
    expect(text).toContain(`N° ${creditNote.number}`);
    expect(text).toContain(`Avoir sur la facture n° ${invoice.number} du `);
    expect(text).not.toContain('pénalités');
  });

  it('refuses a draft with a French 409 and stores nothing', async () => {
    const created = await draft();
    const response = await n.call(n.staff.rhone, 'GET', `/api/v1/invoices/${created.id}/pdf`);
    expect(response.statusCode).toBe(409);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({
      code: 'invoice_draft_without_pdf',
      detail: "Cette facture est un brouillon : elle n'a pas encore de numéro et ne peut pas être téléchargée en PDF. Émettez-la d'abord.",
    });
    const stored = await withOwnerClient(n.database, async (client) => (await client.query('SELECT 1 FROM invoice_documents WHERE invoice_id = $1', [created.id])).rowCount);
    expect(stored).toBe(0);
    // Even the system cannot attach a PDF to a draft.
    await expect(
      withTransaction(n.database, { kind: 'system' }, (tx) =>
        tx.client.query(`INSERT INTO invoice_documents (invoice_id, entity_id, file_name, content, sha256, byte_size) VALUES ($1, $2, 'x.pdf', '\\x25', repeat('a', 64), 1)`, [created.id, created.entityId]),
      ),
    ).rejects.toThrow(/draft/);
  });

  it("answers 404 for another branch's invoice, before and after it was generated, and for an unknown id", async () => {
    const paris = await issue((await draft('75', n.staff.paris)).id, n.staff.paris);
    expect((await n.call(n.staff.rhone, 'GET', `/api/v1/invoices/${paris.id}/pdf`)).statusCode).toBe(404);
    expect(await generations(paris.id)).toBe(0);
    expect((await n.call(n.staff.paris, 'GET', `/api/v1/invoices/${paris.id}/pdf`)).statusCode).toBe(200);
    for (const who of [n.staff.rhone, n.staff.region, n.staff.rhoneViewer]) {
      const response = await n.call(who, 'GET', `/api/v1/invoices/${paris.id}/pdf`);
      expect(response.statusCode).toBe(404);
      expect(response.body).not.toContain(paris.number!);
    }
    expect((await n.call(n.staff.rhone, 'GET', '/api/v1/invoices/0190f5a0-0000-7000-8000-00000000dead/pdf')).statusCode).toBe(404);
  });
  it("prints the issuer's bank account for a transfer and, when the customer pays by SEPA direct debit, the mandate reference", async () => {
    const creditor = await n.call(n.staff.rhone, 'PUT', `/api/v1/entities/${n.ids['69']}/sepa-creditor`, { creditorIdentifier: 'FR72ZZZ123456', iban: 'FR1420041010050500013M02606', bic: 'PSSTFRPPLYO' });
    expect(creditor.statusCode, creditor.body).toBe(200);
    const byTransfer = await issue((await draft()).id);
    const transferPdf = (await n.call(n.staff.rhone, 'GET', `/api/v1/invoices/${byTransfer.id}/pdf`)).rawPayload;
    const transferText = (await pdfText(transferPdf)).text.replace(/\n/g, ' ');
    expect(transferText).toContain('Règlement par virement — IBAN : FR14 2004 1010 0505 0001 3M02 606 — BIC : PSSTFRPPLYO.');
    expect(transferText).not.toContain('RUM');

    // New bank details print on invoices downloaded from now on; the stored document stays byte for byte.
    const moved = await n.call(n.staff.rhone, 'PUT', `/api/v1/entities/${n.ids['69']}/sepa-creditor`, { creditorIdentifier: 'FR72ZZZ123456', iban: 'FR7630006000011234567890189', bic: 'AGRIFRPP' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await n.call(n.staff.rhone, 'GET', `/api/v1/invoices/${byTransfer.id}/pdf`)).rawPayload.equals(transferPdf)).toBe(true);
    const later = await issue((await draft()).id);
    expect((await pdfText((await n.call(n.staff.rhone, 'GET', `/api/v1/invoices/${later.id}/pdf`)).rawPayload)).text.replace(/\n/g, ' ')).toContain('IBAN : FR76 3000 6000 0112 3456 7890 189');
    await n.call(n.staff.rhone, 'PUT', `/api/v1/entities/${n.ids['69']}/sepa-creditor`, { creditorIdentifier: 'FR72ZZZ123456', iban: 'FR1420041010050500013M02606', bic: 'PSSTFRPPLYO' });

    const debtor = await insertCompany(n.database, 'Garage Part-Dieu');
    const mandate = await n.call(n.staff.rhone, 'POST', '/api/v1/sepa-mandates', {
      entityId: n.ids['69'],
      organizationId: debtor,
      reference: 'RUM-PDF-0001',
      signatureDate: '2026-09-01',
      debtorName: 'Garage Part-Dieu',
      iban: 'FR7630006000011234567890189',
    });
    expect(mandate.statusCode, mandate.body).toBe(201);
    const created = await n.call(n.staff.rhone, 'POST', '/api/v1/invoices', { entityId: n.ids['69'], organizationId: debtor, dueDate: '2026-12-31', lines: [DUES] });
    const byDebit = await issue(created.json<Invoice>().id);
    const debitText = (await pdfText((await n.call(n.staff.rhone, 'GET', `/api/v1/invoices/${byDebit.id}/pdf`)).rawPayload)).text.replace(/\n/g, ' ');
    expect(debitText).toContain('Règlement par prélèvement SEPA sur le compte se terminant par 0189 — référence unique du mandat (RUM) : RUM-PDF-0001 — identifiant créancier SEPA (ICS) : FR72ZZZ123456.');
    expect(debitText).toContain('Coordonnées bancaires du créancier — IBAN : FR14 2004 1010 0505 0001 3M02 606 — BIC : PSSTFRPPLYO.');
    // The debtor's own IBAN stays out of the document.
    expect(debitText).not.toContain('3000 6000');
  });
});
