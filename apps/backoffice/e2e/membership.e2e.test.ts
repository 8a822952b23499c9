import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { seedMembershipsDemo } from '../../server/src/modules/membership/index.js';
import { newId, withOwnerClient, withTransaction, type Database } from '../../server/src/platform/db/index.js';
import { queueMail } from '../../server/src/platform/mail/index.js';
import { insertCompany } from '../../server/src/test/factories/membership.js';
import { chromiumAvailable, screenshot } from './harness/browser.js';
import { RHONE_MANAGER, choose, eventually, expectAccessible, expectAccessibleBehindToasts, useJourneys } from './harness/journeys.js';
import { DEMO_PASSWORD } from './harness/server.js';

/**
 * The membership journey through the real server and the production build of the back-office: the
 * Rhône manager runs the renewal campaign for next year, opens an issued invoice, records a payment
 * and downloads the invoice PDF.
 *
 * Members are live memberships, which only the daily job activates: they come from the memberships
 * demo seed (which also gives the Rhône its legal identity), run before the server boots.
 */
describe.skipIf(!chromiumAvailable)('membership back-office in Chromium', { timeout: 240_000 }, () => {
  const NEXT_YEAR = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric' }).format(new Date())) + 1;

  /** Three Rhône member companies from the « CRM demo » (links with status member), then the memberships demo seed. */
  async function seedMembers(database: Database): Promise<void> {
    const rhone = await withOwnerClient(database, async (client) => (await client.query<{ id: string }>(`SELECT id FROM entities WHERE code = '69'`)).rows[0]!.id);
    for (const name of ['Soierie Gadagne', 'Imprimerie des Terreaux', 'Brasserie Saint-Jean']) {
      const organizationId = await insertCompany(database, name);
      await withOwnerClient(database, (client) =>
        client.query(`INSERT INTO organization_links (id, organization_id, entity_id, attached_by, status) VALUES ($1, $2, $3, 'manual', 'member')`, [newId(), organizationId, rhone]),
      );
    }
    await seedMembershipsDemo(database);
    // A company that is not a member yet, to join from the back-office.
    await insertCompany(database, 'Garage de Vaise');
    // A customer that pays by SEPA direct debit (not a member: the campaign leaves it alone).
    await insertCompany(database, 'Tissages de la Croix-Rousse');
  }

  const journeys = useJourneys({ prepare: seedMembers });
  const { signedInPage } = journeys;

  /** A call through the real routes as the Rhône manager (session cookie and CSRF token). */
  async function apiAsRhoneManager<T>(method: 'GET' | 'POST', url: string, payload?: object): Promise<T> {
    const { app } = journeys.server;
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: RHONE_MANAGER, password: DEMO_PASSWORD } });
    const cookie = `maillage_session=${login.cookies.find((c) => c.name === 'maillage_session')!.value}`;
    const headers = method === 'GET' ? { cookie } : { cookie, 'x-csrf-token': login.json<{ csrfToken: string }>().csrfToken };
    const response = await app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
    expect(response.statusCode, response.body).toBeLessThan(300);
    return response.json<T>();
  }

  it('runs the Rhône renewal campaign, records a payment on an issued invoice, downloads its PDF and credits another', async () => {
    const { context, page } = await signedInPage(RHONE_MANAGER);

    // The members list, from the side navigation.
    await page.getByRole('link', { name: 'Adhésions' }).first().click();
    await page.waitForURL(/\/memberships\/list$/);
    await eventually(() => page.getByRole('heading', { name: 'Adhérents', level: 1 }).isVisible()).toBe(true);
    await eventually(() => page.getByRole('link', { name: 'Imprimerie des Terreaux' }).isVisible()).toBe(true);
    await expectAccessibleBehindToasts(page);

    // Launch the campaign for next year and watch the progress bar reach the end.
    await page.getByRole('tab', { name: 'Campagnes de renouvellement' }).click();
    await page.waitForURL(/\/memberships\/campaigns$/);
    await eventually(() => page.getByRole('heading', { name: 'Lancer une campagne', level: 2 }).isVisible()).toBe(true);
    await eventually(() => page.getByLabel('Structure').textContent()).toContain('Rhône');
    await page.getByLabel('Année').fill(String(NEXT_YEAR));
    await page.getByLabel("Date d'échéance").fill(`${NEXT_YEAR}-01-31`);
    await expectAccessibleBehindToasts(page);
    await page.getByRole('button', { name: 'Lancer la campagne' }).click();
    const progress = page.getByRole('status').filter({ hasText: 'Émission des factures de renouvellement' });
    await eventually(() => progress.textContent()).toContain('Terminé');
    // Three members: the first is honorary (free, skipped), the two others get an invoice.
    await eventually(() => page.locator('dl.counts').textContent()).toMatch(/Adhérents à renouveler\s*3.*Factures émises\s*2.*Ignorés\s*1.*Échecs\s*0/s);
    await expectAccessibleBehindToasts(page);
    await screenshot(page, 'membership-campaign');

    // The issued invoices; open one.
    await page.getByRole('link', { name: 'Voir les factures émises' }).click();
    await page.waitForURL(/\/memberships\/invoices\?/);
    const invoiceLink = page.getByRole('link', { name: /^COT-/ }).first();
    await eventually(() => invoiceLink.isVisible()).toBe(true);
    await expectAccessibleBehindToasts(page);
    const number = (await invoiceLink.textContent())!.trim();
    await invoiceLink.click();
    await page.waitForURL(/\/memberships\/invoices\/[0-9a-f-]{36}$/);
    await eventually(() => page.getByRole('heading', { name: `Facture ${number}`, level: 1 }).isVisible()).toBe(true);
    await eventually(() => page.getByText(`Cotisation ${NEXT_YEAR}`).first().isVisible()).toBe(true);
    await expectAccessibleBehindToasts(page);

    // A partial payment by cheque, typed in euros with a comma.
    const balance = await page.getByTestId('invoice-balance').textContent();
    await page.getByLabel('Montant').fill('abc');
    await page.getByRole('button', { name: 'Enregistrer le règlement' }).click();
    await eventually(() => page.getByText('Saisissez un montant en euros').isVisible()).toBe(true);
    const paymentForm = page.locator('form', { has: page.getByRole('heading', { name: 'Enregistrer un règlement' }) });
    await page.getByLabel('Montant').fill('100,50');
    await page.getByLabel('Référence (facultatif)').fill('Chèque n° 4521');
    const method = paymentForm.getByRole('combobox', { name: 'Mode de règlement' });
    await method.click();
    await page.getByRole('option', { name: 'Chèque' }).click();
    await page.getByRole('button', { name: 'Enregistrer le règlement' }).click();
    await eventually(() => page.getByTestId('invoice-status').textContent()).toBe('Partiellement réglée');
    await eventually(() => page.getByText(/Chèque — 100,50\s€ \(Chèque n° 4521\)/).isVisible()).toBe(true);
    expect(await page.getByTestId('invoice-balance').textContent()).not.toBe(balance);
    // The form is emptied for the next payment, without errors on the emptied fields.
    await eventually(() => page.getByLabel('Montant').inputValue()).toBe('');
    expect(await paymentForm.locator('mat-error').count()).toBe(0);
    await expectAccessibleBehindToasts(page);
    await screenshot(page, 'membership-invoice');

    // The PDF.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Télécharger le PDF' }).click()]);
    expect(download.suggestedFilename()).toBe(`${number}.pdf`);
    const pdf = await readFile((await download.path())!);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // The other invoice is cancelled by a credit note (confirmation dialog), which then opens.
    await page.goto('/memberships/invoices?filter%5Bstatus%5D=issued');
    const other = page.getByRole('link', { name: /^COT-/ }).first();
    await eventually(() => other.textContent()).not.toBe(number);
    await other.click();
    await eventually(() => page.getByRole('button', { name: 'Établir un avoir' }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Établir un avoir' }).click();
    const dialog = page.getByRole('alertdialog');
    await eventually(() => dialog.isVisible()).toBe(true);
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Établir un avoir' }).click();
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Avoir /);
    await eventually(() => page.getByRole('link', { name: 'Ouvrir' }).isVisible()).toBe(true); // the credited invoice
    await expectAccessibleBehindToasts(page);

    // The overdue list answers (nothing is due yet).
    await page.getByRole('tab', { name: 'Impayés' }).click();
    await page.waitForURL(/\/memberships\/overdue$/);
    await eventually(() => page.getByRole('heading', { name: 'Factures impayées échues', level: 1 }).isVisible()).toBe(true);
    await expectAccessibleBehindToasts(page);
    await context.close();
  });

  it('shows dues schedule errors on their fields, joins a company with its invoice, and cancels the membership with a reason', async () => {
    const { context, page } = await signedInPage(RHONE_MANAGER);

    // This year's schedule (seeded): a second default rate overlaps the first one; the server says so on the field.
    await page.goto('/memberships/dues');
    await eventually(() => page.getByLabel('Montant (tarif n° 1)').inputValue()).toBe('180,00');
    await expectAccessibleBehindToasts(page);
    // Counted before the click, then awaited: counting right after it could miss the new row and
    // type into the first rate instead (which saves without error).
    const rowsBefore = await page.getByRole('row').count();
    await page.getByRole('button', { name: 'Ajouter un tarif' }).click();
    await eventually(() => page.getByRole('row').count()).toBe(rowsBefore + 1);
    const last = rowsBefore; // the header row is row 0: the new rate is n° rowsBefore
    await page.getByLabel(`Montant (tarif n° ${last})`).fill('12');
    await page.getByRole('button', { name: 'Enregistrer le barème' }).click();
    await eventually(() => page.getByRole('alert').first().textContent()).toContain('Le barème contient des erreurs');
    await eventually(() => page.locator('mat-form-field', { has: page.getByLabel(`Montant (tarif n° ${last})`) }).locator('mat-error').textContent()).toContain('recoupe le tarif n° 1');
    await expectAccessibleBehindToasts(page);
    await screenshot(page, 'membership-dues-errors');

    // Join a company picked from the network search, with its join invoice.
    await page.goto('/memberships/list/new');
    await eventually(() => page.getByRole('heading', { name: 'Nouvelle adhésion', level: 1 }).isVisible()).toBe(true);
    await eventually(() => page.getByLabel('Structure').textContent()).toContain('Rhône');
    await page.getByLabel('Entreprise').pressSequentially('garage vaise');
    await page.getByRole('option', { name: /Garage de Vaise/ }).click();
    await page.getByRole('combobox', { name: 'Type de membre' }).click();
    await page.getByRole('option', { name: 'Adhérent', exact: true }).click();
    await expectAccessibleBehindToasts(page);
    await page.getByRole('button', { name: "Enregistrer l'adhésion" }).click();
    await page.waitForURL(/\/memberships\/list\/[0-9a-f-]{36}$/);
    await eventually(() => page.getByRole('heading', { name: 'Garage de Vaise — Adhérent', level: 1 }).isVisible()).toBe(true);
    await eventually(() => page.locator('dl.facts').textContent()).toContain('En attente de règlement');
    await eventually(() => page.getByRole('link', { name: 'Ouvrir' }).isVisible()).toBe(true); // the join invoice
    await expectAccessibleBehindToasts(page);

    // Cancel it: the reason is required, then the history shows the cancellation.
    await page.getByRole('button', { name: 'Résilier' }).click();
    await eventually(() => page.getByText('Ce champ est obligatoire.').isVisible()).toBe(true);
    await page.getByLabel('Motif de résiliation').fill("Cessation d'activité");
    await page.getByRole('button', { name: 'Résilier' }).click();
    await eventually(() => page.locator('dl.facts').textContent()).toContain('Résiliée');
    await eventually(() => page.locator('ol.history').textContent()).toContain("Cessation d'activité");
    await expectAccessibleBehindToasts(page);
    await context.close();
  });

  it('collects an open invoice by SEPA debit (mandate, creditor, batch, pain.008, settlement, rejection, revocation), reads a sent mail and downloads the FEC', async () => {
    // An issued invoice of a customer without mandate yet, and a reminder in the Rhône outbox (embedded mode: kept).
    const { database } = journeys.server;
    const [rhoneId, customerId] = await withOwnerClient(database, async (client) => [
      (await client.query<{ id: string }>(`SELECT id FROM entities WHERE code = '69'`)).rows[0]!.id,
      (await client.query<{ id: string }>(`SELECT id FROM organizations WHERE name = 'Tissages de la Croix-Rousse'`)).rows[0]!.id,
    ]);
    const draft = await apiAsRhoneManager<{ id: string }>('POST', '/api/v1/invoices', {
      entityId: rhoneId,
      organizationId: customerId,
      dueDate: `${NEXT_YEAR}-01-31`,
      lines: [{ label: 'Formation sécurité', quantity: 1, unitAmountCents: 24_000 }],
    });
    const invoice = await apiAsRhoneManager<{ number: string }>('POST', `/api/v1/invoices/${draft.id}/issue`);
    await withTransaction(database, { kind: 'system' }, (tx) =>
      queueMail(tx, {
        entityId: rhoneId,
        to: 'compta@tissages-croix-rousse.test',
        template: 'membership.renewal-reminder',
        data: { year: NEXT_YEAR, invoiceNumber: invoice.number, issuerName: 'Union du Rhône', balance: '240,00 €', dueDate: '31/01' },
      }),
    );
    const { context, page } = await signedInPage(RHONE_MANAGER);

    // A mandate: a wrong IBAN key is refused on its field, then the right one is recorded.
    await page.goto('/memberships/list');
    await page.getByRole('tab', { name: 'Mandats SEPA' }).click();
    await page.waitForURL(/\/memberships\/sepa-mandates$/);
    await eventually(() => page.getByRole('heading', { name: 'Mandats SEPA', level: 1 }).isVisible()).toBe(true);
    await expectAccessibleBehindToasts(page);
    await page.getByRole('button', { name: 'Nouveau mandat' }).click();
    const dialog = page.getByRole('dialog');
    await eventually(() => dialog.getByLabel('Créancier').textContent()).toContain('Rhône');
    await dialog.getByRole('combobox', { name: 'Entreprise débitrice' }).pressSequentially('Tissages de la Croix');
    await page.getByRole('option', { name: /Tissages de la Croix-Rousse/ }).click();
    await dialog.getByLabel('Référence (RUM)').fill('RUM-TCR-0001');
    await dialog.getByLabel('IBAN').fill('FR76 3000 6000 0112 3456 7890 188');
    await expectAccessibleBehindToasts(page);
    await dialog.getByRole('button', { name: 'Enregistrer le mandat' }).click();
    await eventually(() => dialog.locator('mat-form-field', { has: page.getByLabel('IBAN') }).locator('mat-error').textContent()).toMatch(/IBAN/);
    await dialog.getByLabel('IBAN').fill('FR76 3000 6000 0112 3456 7890 189');
    await dialog.getByRole('button', { name: 'Enregistrer le mandat' }).click();
    await page.waitForURL(/\/memberships\/sepa-mandates\/[0-9a-f-]{36}$/);
    await eventually(() => page.getByRole('heading', { name: 'Mandat RUM-TCR-0001', level: 1 }).isVisible()).toBe(true);
    await eventually(() => page.getByTestId('mandate-status').textContent()).toBe('Actif');
    expect(await page.locator('dl.facts').textContent()).toContain('0189');
    await expectAccessibleBehindToasts(page);

    // The creditor identity, then a batch collecting the invoice.
    await page.getByRole('tab', { name: 'Prélèvements' }).click();
    await page.waitForURL(/\/memberships\/sepa-batches$/);
    await eventually(() => page.getByLabel('Identifiant créancier (ICS)').isVisible()).toBe(true);
    await page.getByLabel('Identifiant créancier (ICS)').fill('FR72ZZZ123456');
    await page.getByLabel('IBAN crédité').fill('FR14 2004 1010 0505 0001 3M02 606');
    await page.getByRole('button', { name: "Enregistrer l'identité de créancier" }).click();
    await eventually(() => page.getByLabel('IBAN crédité').inputValue()).toBe('FR1420041010050500013M02606');
    await expectAccessibleBehindToasts(page);
    await page.getByRole('button', { name: 'Créer la remise' }).click();
    await page.waitForURL(/\/memberships\/sepa-batches\/[0-9a-f-]{36}$/);
    await eventually(() => page.getByRole('link', { name: invoice.number }).isVisible()).toBe(true);
    await eventually(() => page.getByTestId('batch-status').textContent()).toBe('Fichier produit');
    await expectAccessibleBehindToasts(page);

    // The pain.008 file names the mandate.
    const [xmlDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Télécharger le fichier pain.008' }).click()]);
    expect(xmlDownload.suggestedFilename()).toMatch(/^pain008-[0-9a-f]{32}\.xml$/);
    const xml = await readFile((await xmlDownload.path())!, 'utf8');
    expect(xml).toContain('<MndtId>RUM-TCR-0001</MndtId>');

    // The bank credited it: the invoice is paid by SEPA debit.
    await page.getByRole('button', { name: 'Marquer réglée' }).click();
    await eventually(() => page.getByTestId('batch-status').textContent()).toBe('Réglée');
    await expectAccessibleBehindToasts(page);
    await screenshot(page, 'membership-sepa-batch');
    await page.getByRole('link', { name: invoice.number }).click();
    await eventually(() => page.getByTestId('invoice-status').textContent()).toBe('Réglée');

    // Then the debit came back (insufficient funds): recorded with its ISO code; the mandate is revoked by hand.
    await page.goBack();
    await eventually(() => page.getByRole('heading', { name: 'Enregistrer un rejet', level: 2 }).isVisible()).toBe(true);
    await choose(page, page.getByRole('combobox', { name: 'Facture rejetée' }), new RegExp(invoice.number));
    await choose(page, page.getByRole('combobox', { name: 'Motif de rejet (code ISO)' }), /^AM04/);
    await page.getByRole('button', { name: 'Enregistrer le rejet' }).click();
    await eventually(() => page.locator('table.simple').textContent()).toContain('Rejeté (AM04');
    await expectAccessibleBehindToasts(page);
    await page.getByRole('link', { name: 'RUM-TCR-0001' }).click();
    await eventually(() => page.getByRole('button', { name: 'Révoquer le mandat' }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Révoquer le mandat' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Révoquer le mandat' }).click();
    await eventually(() => page.getByTestId('mandate-status').textContent()).toBe('Révoqué');
    expect(await page.getByRole('button', { name: 'Révoquer le mandat' }).count()).toBe(0);

    // The sent mail: list, then the message (text part; HTML in a sandboxed frame).
    // Nine sections overflow the tab bar at this width (Material pages it): go by URL.
    await page.goto('/memberships/outbox');
    const mailLink = page.getByRole('link', { name: `Relance : cotisation ${NEXT_YEAR} — facture ${invoice.number}` });
    await eventually(() => mailLink.isVisible()).toBe(true);
    await expectAccessibleBehindToasts(page);
    await mailLink.click();
    await page.waitForURL(/\/memberships\/outbox\/[0-9a-f-]{36}$/);
    await eventually(() => page.getByTestId('mail-to').textContent()).toBe('compta@tissages-croix-rousse.test');
    expect(await page.getByTestId('mail-status').textContent()).toBe('Conservé (sans serveur SMTP)');
    expect(await page.getByTestId('mail-text').textContent()).toContain(`la facture ${invoice.number}`);
    await expectAccessibleBehindToasts(page);
    // axe cannot enter a frame without scripts: it runs before the HTML part is shown.
    await page.getByRole('button', { name: "Afficher l'aperçu HTML" }).click();
    const frame = page.locator('iframe[title="Partie HTML du courriel"]');
    expect(await frame.getAttribute('sandbox')).toBe('');
    await eventually(() => frame.contentFrame().getByText(`la facture ${invoice.number}`).isVisible()).toBe(true);

    // The FEC of this year: the 18 regulatory fields, tab-separated.
    await page.goto('/memberships/fec');
    await eventually(() => page.getByLabel('Structure').textContent()).toContain('Rhône');
    await expectAccessibleBehindToasts(page);
    const [fecDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Télécharger le FEC' }).click()]);
    expect(fecDownload.suggestedFilename()).toMatch(/^775663438FEC\d{4}1231\.txt$/);
    const fec = await readFile((await fecDownload.path())!, 'utf8');
    expect(fec.split('\r\n')[0]).toBe(
      'JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxNum\tCompAuxLib\tPieceRef\tPieceDate\tEcritureLib\tDebit\tCredit\tEcritureLet\tDateLet\tValidDate\tMontantdevise\tIdevise',
    );
    expect(fec).toContain(invoice.number);
    await context.close();
  });
});
