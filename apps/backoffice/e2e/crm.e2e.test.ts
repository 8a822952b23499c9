import type { Download, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumAvailable, screenshot } from './harness/browser.js';
import { ADMIN, RHONE_MANAGER, choose, eventually, expectAccessibleBehindToasts, useJourneys } from './harness/journeys.js';

/** A Luhn-valid SIREN used only by these journeys. */
const SIREN = '732829320';
const COMPANY = 'Boulangerie des Canuts';

/**
 * CRM journeys through the real server and the production build of the back-office: find a
 * company, open it, add a contact and a note, import a small file and watch its progress.
 */
describe.skipIf(!chromiumAvailable)('CRM back-office in Chromium', { timeout: 180_000 }, () => {
  const { signedInPage } = useJourneys();

  it('finds a company, opens it, adds a contact and a note, and exports the contacts', async () => {
    const { context, page } = await signedInPage(RHONE_MANAGER);
    await createCompanyAndFindIt(page);
    await duplicateSirenLeadsToTheCompany(page);
    await editCompanyAndStatus(page);
    await addContactWithConsent(page);
    await addNoteToTimeline(page);
    await listAndExportContacts(page);
    await context.close();

    // The national office links the same company to another branch; the Rhône's link is untouched.
    const national = await signedInPage(ADMIN);
    await linkToAnotherBranch(national.page);
    await national.context.close();
  });

  /** Creates a company (client and server field errors in French), then finds it with the search box. */
  async function createCompanyAndFindIt(page: Page): Promise<void> {
    await page.getByRole('link', { name: 'CRM' }).click();
    await page.waitForURL(/\/crm\/companies$/);
    await eventually(() => page.getByRole('heading', { name: 'Entreprises', level: 1 }).isVisible()).toBe(true);
    await expectAccessibleBehindToasts(page);

    await page.getByRole('link', { name: 'Nouvelle entreprise' }).click();
    await page.waitForURL(/\/crm\/companies\/new$/);
    const form = page.locator('form').filter({ has: page.getByLabel('SIREN') });
    // Client-side rule: a wrong check key is refused before anything is sent.
    await form.getByLabel('SIREN').fill('732829321');
    await form.getByLabel('Nom', { exact: true }).fill(COMPANY);
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await eventually(() => form.getByText('clé de contrôle est fausse').isVisible()).toBe(true);
    // Server-side rule: an unknown NAF code comes back as a 422 pointer on its field.
    await form.getByLabel('SIREN').fill(SIREN);
    await form.getByLabel('Code NAF').fill('99.99Z');
    await form.getByLabel('Code postal').fill('69001');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await eventually(() => page.getByRole('alert').first().textContent()).toContain('Certains champs sont invalides');
    await eventually(() => form.locator('mat-form-field', { has: page.getByLabel('Code NAF') }).locator('mat-error').textContent()).toMatch(/\S/);
    await expectAccessibleBehindToasts(page);
    await screenshot(page, 'crm-company-form-errors');

    await form.getByLabel('Code NAF').fill('10.71C');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.waitForURL(/\/crm\/companies\/[0-9a-f-]{36}$/);
    await eventually(() => page.getByRole('heading', { name: COMPANY, level: 1 }).isVisible()).toBe(true);
    // Attached to the union of its commune's département, with the status chosen by default.
    await eventually(() => page.getByText('Union territoriale du Rhône').first().isVisible()).toBe(true);
    const companyUrl = page.url();

    // The search box, with the keyboard only: type, arrow down, Enter.
    await page.goto('/dashboard');
    const search = page.getByRole('combobox', { name: 'Rechercher dans Maillage' });
    await search.focus();
    await page.keyboard.type('canuts');
    await eventually(() => page.getByRole('option', { name: new RegExp(COMPANY) }).isVisible()).toBe(true);
    await expectAccessibleBehindToasts(page);
    await screenshot(page, 'crm-search');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL(companyUrl);
    await eventually(() => page.getByRole('heading', { name: COMPANY, level: 1 }).isVisible()).toBe(true);
    await expectAccessibleBehindToasts(page);
    await screenshot(page, 'crm-company');
    // Readable in the dark scheme too.
    await page.emulateMedia({ colorScheme: 'dark' });
    // Tab labels fade to their new colour (150 ms transition): judge the settled page.
    await page.waitForTimeout(500);
    await expectAccessibleBehindToasts(page);
    await page.emulateMedia({ colorScheme: 'light' });

    // The same company by SIREN prefix; Enter without choosing lists the companies filtered by the text.
    await search.fill('7328');
    await eventually(() => page.getByRole('option', { name: new RegExp(COMPANY) }).isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await search.fill('Canuts');
    await search.press('Enter');
    await page.waitForURL(/\/crm\/companies\?filter%5Bname%5D%5Bcontains%5D=Canuts/);
    await eventually(() => page.getByRole('link', { name: COMPANY }).isVisible()).toBe(true);
    await screenshot(page, 'crm-companies');
  }

  /** A SIREN already in the network is not created twice: the form leads to the existing company. */
  async function duplicateSirenLeadsToTheCompany(page: Page): Promise<void> {
    await page.goto('/crm/companies/new');
    await page.getByLabel('SIREN').fill(SIREN);
    await page.getByLabel('Nom', { exact: true }).fill('Doublon des Canuts');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await eventually(() => page.getByRole('alert').first().textContent()).toContain('existe déjà dans le réseau');
    await page.getByRole('link', { name: 'Ouvrir la fiche existante pour la rattacher' }).click();
    await page.waitForURL(/\/crm\/companies\/[0-9a-f-]{36}$/);
    await eventually(() => page.getByRole('heading', { name: COMPANY, level: 1 }).isVisible()).toBe(true);
  }

  /** Edits the identity (merge patch with If-Match) and the Rhône's status, then filters the list by it. */
  async function editCompanyAndStatus(page: Page): Promise<void> {
    await openCompany(page);
    await page.getByRole('link', { name: 'Modifier' }).click();
    await page.waitForURL(/\/edit$/);
    await eventually(() => page.getByLabel('SIREN').isDisabled()).toBe(true);
    await page.getByLabel('Téléphone').fill('04 78 00 00 00');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.waitForURL(/\/crm\/companies\/[0-9a-f-]{36}$/);
    await eventually(() => page.getByRole('link', { name: '+33478000000' }).isVisible()).toBe(true);

    await choose(page, page.getByRole('combobox', { name: 'Statut' }), 'Adhérent');
    await eventually(() => page.getByText('Statut mis à jour.').isVisible()).toBe(true);
    await page.goto('/crm/companies?filter%5Bstatus%5D=member');
    await eventually(() => page.getByRole('row', { name: new RegExp(`${COMPANY}.*Adhérent`) }).isVisible()).toBe(true);

    // That filter saved as a segment: listed with its live count, and reopened as the same list.
    await page.getByRole('button', { name: 'Enregistrer comme segment' }).click();
    await page.getByRole('dialog').getByLabel('Nom du segment').fill('Adhérents du Rhône');
    await page.getByRole('button', { name: 'Enregistrer le segment' }).click();
    await eventually(() => page.getByText('Segment « Adhérents du Rhône » enregistré.').isVisible()).toBe(true);
    await page.getByRole('tab', { name: 'Segments' }).click();
    await page.waitForURL(/\/crm\/segments$/);
    const segment = page.getByRole('row', { name: /Adhérents du Rhône/ });
    await eventually(() => segment.getByRole('cell').nth(2).textContent()).toBe('1');
    await expectAccessibleBehindToasts(page);
    await screenshot(page, 'crm-segments');
    await segment.getByRole('button', { name: 'Ouvrir la liste' }).click();
    await page.waitForURL(/\/crm\/companies\?filter%5Bstatus%5D=member$/);
    await eventually(() => page.getByRole('link', { name: COMPANY }).isVisible()).toBe(true);
  }

  /** National staff see every branch's links and add one for Paris. */
  async function linkToAnotherBranch(page: Page): Promise<void> {
    await openCompany(page);
    await eventually(() => page.getByText('Union territoriale du Rhône').first().isVisible()).toBe(true);
    await choose(page, page.getByRole('combobox', { name: 'Entité à rattacher' }), 'Union territoriale de Paris');
    await choose(page, page.getByRole('combobox', { name: 'Statut' }).last(), 'Prospect');
    await page.getByRole('button', { name: 'Rattacher' }).click();
    await eventually(() => page.getByText('Entreprise rattachée.').isVisible()).toBe(true);
    await eventually(() => page.locator('.links li').count()).toBe(2);
    await expectAccessibleBehindToasts(page);

    // Linked by mistake: detach Paris again, after confirming; the Rhône's link stays.
    await page.getByRole('button', { name: 'Détacher de Union territoriale de Paris' }).click();
    const confirm = page.getByRole('alertdialog');
    await eventually(() => confirm.getByRole('heading', { name: /Détacher l'entreprise de Union territoriale de Paris/ }).isVisible()).toBe(true);
    await confirm.getByRole('button', { name: 'Détacher' }).click();
    await eventually(() => page.getByText('Entreprise détachée.').isVisible()).toBe(true);
    await eventually(() => page.locator('.links li').count()).toBe(1);
    await eventually(() => page.getByText('Union territoriale du Rhône').first().isVisible()).toBe(true);
  }

  /** Adds a contact to the company, then records their newsletter consent. */
  async function addContactWithConsent(page: Page): Promise<void> {
    await openCompany(page);

    await page.getByRole('button', { name: 'Ajouter un contact' }).click();
    const dialog = page.getByRole('dialog');
    await eventually(() => dialog.getByRole('heading', { name: `Ajouter un contact à ${COMPANY}` }).isVisible()).toBe(true);
    await choose(page, dialog.getByRole('combobox', { name: 'Civilité' }), 'Mme');
    await dialog.getByLabel('Prénom').fill('Claire');
    await dialog.getByLabel('Nom de famille').fill('Martin');
    await dialog.getByLabel('Fonction').fill('Gérante');
    // A malformed address is refused on its field before anything is sent.
    await dialog.getByLabel('Adresse e-mail').fill('claire.martin@');
    await dialog.getByRole('button', { name: 'Ajouter le contact' }).click();
    await eventually(() => dialog.getByText('Adresse e-mail invalide').isVisible()).toBe(true);
    await dialog.getByLabel('Adresse e-mail').fill('claire.martin@canuts.example');
    await dialog.getByLabel('Téléphone professionnel').fill('04 72 00 00 01');
    await choose(page, dialog.getByRole('combobox', { name: "Rôle dans l'entreprise" }), 'Dirigeant');
    await expectAccessibleBehindToasts(page);
    await dialog.getByRole('button', { name: 'Ajouter le contact' }).click();
    await eventually(() => dialog.isVisible()).toBe(false);

    const contact = page.getByRole('link', { name: 'Mme Claire Martin' });
    await eventually(() => contact.isVisible()).toBe(true);
    await eventually(() => page.getByText('Dirigeant · Gérante').isVisible()).toBe(true);
    await contact.click();
    await page.waitForURL(/\/crm\/persons\/[0-9a-f-]{36}$/);
    await eventually(() => page.getByRole('heading', { name: 'Mme Claire Martin', level: 1 }).isVisible()).toBe(true);
    await eventually(() => page.getByRole('link', { name: COMPANY }).isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Modifier' }).click();
    const edit = page.getByRole('dialog');
    await edit.getByLabel('Fonction').fill('Gérante associée');
    await edit.getByLabel('Adresses e-mail').fill('claire.martin@canuts.example\nclaire@gmail.example');
    await expectAccessibleBehindToasts(page);
    await edit.getByRole('button', { name: 'Enregistrer' }).click();
    await eventually(() => edit.isVisible()).toBe(false);
    await eventually(() => page.getByText('Gérante associée').isVisible()).toBe(true);
    await eventually(() => page.getByRole('link', { name: 'claire@gmail.example' }).isVisible()).toBe(true);

    // Never asked: no consent on any channel.
    await eventually(() => page.getByText('Jamais recueilli (pas de consentement)').count()).toBe(3);

    await choose(page, page.getByRole('combobox', { name: 'Canal' }), 'Lettre d\'information');
    await page.getByLabel('Source').fill('Formulaire salon 2026');
    await page.getByRole('button', { name: 'Enregistrer la décision' }).click();
    await eventually(() => page.getByText('Jamais recueilli (pas de consentement)').count()).toBe(2);
    await eventually(() => page.getByText('Formulaire salon 2026').first().isVisible()).toBe(true);
    await expectAccessibleBehindToasts(page);
    await screenshot(page, 'crm-person');
  }

  /** Adds a note to the company, shown in its timeline; finds the contact by name in the search box. */
  async function addNoteToTimeline(page: Page): Promise<void> {
    await openCompany(page);
    await eventually(() => page.getByText('Aucun échange enregistré par vos entités.').isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Ajouter une note' }).click();
    const composer = page.getByRole('form', { name: 'Nouvelle note ou nouvel échange' });
    await composer.getByLabel('Objet').fill('Visite de la boulangerie');
    await composer.getByLabel('Compte rendu').fill('Intéressée par l\'adhésion.\n\nRappeler en janvier <b>sans faute</b>.');
    await composer.getByRole('button', { name: "Ajouter à l'historique" }).click();

    const timeline = page.getByRole('list', { name: 'Historique des échanges' });
    await eventually(() => timeline.getByText('Visite de la boulangerie').isVisible()).toBe(true);
    // Typed text is shown as text: the angle brackets were escaped, not interpreted.
    await eventually(() => timeline.getByText('Rappeler en janvier <b>sans faute</b>.').isVisible()).toBe(true);
    await expectAccessibleBehindToasts(page);
    await screenshot(page, 'crm-company-timeline');

    // The contact added before is found by name in the same search box, in its own group.
    const search = page.getByRole('combobox', { name: 'Rechercher dans Maillage' });
    await search.fill('martin');
    await eventually(() => page.getByRole('group', { name: 'Contacts' }).getByRole('option', { name: /Claire Martin/ }).isVisible()).toBe(true);
    await page.getByRole('option', { name: /Claire Martin/ }).click();
    await page.waitForURL(/\/crm\/persons\/[0-9a-f-]{36}$/);
  }

  /** Lists the contacts and exports them for marketing: only those with a current consent. */
  async function listAndExportContacts(page: Page): Promise<void> {
    await page.goto('/crm/companies');
    await page.getByRole('tab', { name: 'Contacts' }).click();
    await page.waitForURL(/\/crm\/persons$/);
    await eventually(() => page.getByRole('link', { name: 'Mme Claire Martin' }).isVisible()).toBe(true);
    await expectAccessibleBehindToasts(page);
    await screenshot(page, 'crm-persons');

    await choose(page, page.getByRole('combobox', { name: "Usage de l'export" }), 'Prospection (consentement requis)');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('contacts.csv');
    // Claire gave her newsletter consent in the journey above: she is in the marketing export.
    expect(await readDownload(file)).toContain('claire.martin@canuts.example');
  }

  it('answers a GDPR request: downloads everything held on a contact, then erases them', async () => {
    const { context, page } = await signedInPage(ADMIN);
    const search = page.getByRole('combobox', { name: 'Rechercher dans Maillage' });
    await search.fill('Claire Martin');
    await page.getByRole('option', { name: /Claire Martin/ }).click();
    await page.waitForURL(/\/crm\/persons\/[0-9a-f-]{36}$/);
    await eventually(() => page.getByRole('heading', { name: 'Mme Claire Martin', level: 1 }).isVisible()).toBe(true);
    await eventually(() => page.getByRole('heading', { name: 'Demandes RGPD' }).isVisible()).toBe(true);
    await expectAccessibleBehindToasts(page);

    // Right of access: one JSON file with identity, addresses, affiliations, consents and timeline.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: "Exporter ses données (droit d'accès)" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^contact-[0-9a-f-]{36}\.json$/);
    const held = await readDownload(file);
    expect(held).toContain('claire.martin@canuts.example');
    expect(held).toContain('Formulaire salon 2026');
    expect(held).toContain(COMPANY);

    // Right to erasure: confirmed, then the person reads as anonymous and their addresses are gone.
    await page.getByRole('button', { name: 'Effacer la personne' }).click();
    const confirm = page.getByRole('alertdialog');
    await eventually(() => confirm.getByRole('heading', { name: 'Effacer Mme Claire Martin ?' }).isVisible()).toBe(true);
    await confirm.getByRole('button', { name: 'Effacer la personne' }).click();
    await eventually(() => page.getByText('La personne a été anonymisée.').isVisible()).toBe(true);
    await eventually(() => page.getByRole('heading', { name: /Anonyme/, level: 1 }).isVisible()).toBe(true);
    await eventually(() => page.getByRole('link', { name: 'claire.martin@canuts.example' }).count()).toBe(0);
    await eventually(() => page.getByRole('button', { name: 'Effacer la personne' }).count()).toBe(0);
    await expectAccessibleBehindToasts(page);
    await screenshot(page, 'crm-person-erased');
    await context.close();
  });

  it('imports a small « ; » file: dry-run report, run, progress bar to completion, error report, then merges a duplicate', async () => {
    const { context, page } = await signedInPage(RHONE_MANAGER, { at: '/crm/companies' });
    await page.getByRole('link', { name: 'Importer un fichier' }).click();
    await page.waitForURL(/\/crm\/imports$/);
    await eventually(() => page.getByRole('heading', { name: 'Importer des entreprises et contacts', level: 1 }).isVisible()).toBe(true);
    await expectAccessibleBehindToasts(page);

    const valid = [withLuhnKey('41234567'), withLuhnKey('51234567'), withLuhnKey('61234567')];
    const csv = [
      // « Adresse électronique » is not a header Maillage recognises: staff map it on the mapping screen.
      'Raison sociale;SIREN;Code NAF;Code postal;Ville;Nom;Prénom;Adresse électronique',
      `Fromagerie de la Croix-Rousse;${valid[0]};10.51C;69004;Lyon;Durand;Paul;paul.durand@fromagerie.example`,
      `Imprimerie des Brotteaux;${valid[1]};18.12Z;69006;Lyon;Petit;Léa;lea.petit@imprimerie.example`,
      'Société sans clé;123456789;10.71C;69001;Lyon;Moreau;Jean;jean.moreau@example.org',
      // The same shop registered twice under two SIRENs: a likely duplicate for the merge screen.
      `Fromagerie Croix Rousse;${valid[2]};10.51C;69004;Lyon;;;`,
    ].join('\r\n');
    await page.getByLabel('Fichier à importer').setInputFiles({ name: 'adherents.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await page.getByRole('button', { name: 'Analyser le fichier' }).click();

    await eventually(() => page.getByRole('heading', { name: "Résultat de l'analyse" }).isVisible()).toBe(true);
    await eventually(() => page.getByText('Colonnes ignorées : Adresse électronique').isVisible()).toBe(true);
    await choose(page, page.getByRole('combobox', { name: 'E-mail', exact: true }), 'Adresse électronique');
    await page.getByRole('checkbox', { name: /Mémoriser cette correspondance/ }).check();
    await expectAccessibleBehindToasts(page);
    await screenshot(page, 'crm-import-mapping');
    await page.getByRole('button', { name: 'Analyser à nouveau avec cette correspondance' }).click();
    await eventually(() => page.getByText('Correspondance mémorisée pour les prochains fichiers.').isVisible()).toBe(true);
    await eventually(() => page.getByText('Colonnes ignorées').count()).toBe(0);
    const report = page.getByRole('table', { name: 'Lignes rejetées ou à vérifier' });
    await eventually(() => report.getByRole('row').count()).toBeGreaterThanOrEqual(2);
    await eventually(() => report.getByRole('row', { name: /^4 Rejetée/ }).isVisible()).toBe(true);
    await eventually(() => page.getByText('3 ligne(s) valide(s) sur 4').isVisible()).toBe(true);
    await expectAccessibleBehindToasts(page);
    await screenshot(page, 'crm-import-report');

    await page.getByRole('button', { name: "Lancer l'import" }).click();
    const progress = page.getByRole('progressbar', { name: "Progression de l'import" });
    await eventually(() => progress.isVisible()).toBe(true);
    await expect.poll(() => progress.getAttribute('aria-valuenow'), { timeout: 60_000, interval: 200 }).toBe('100');
    await eventually(() => page.getByText(/Import terminé : 3 création\(s\)/).isVisible()).toBe(true);
    await expectAccessibleBehindToasts(page);
    await screenshot(page, 'crm-import-done');

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: "Télécharger le rapport d'erreurs (CSV)" }).click();
    const errors = await readDownload(await download);
    expect(errors).toContain('123456789');

    // The imported companies are in the CRM, attached to the Rhône.
    await page.goto('/crm/companies?filter%5Bname%5D%5Bcontains%5D=Fromagerie');
    await eventually(() => page.getByRole('link', { name: 'Fromagerie de la Croix-Rousse' }).isVisible()).toBe(true);
    await context.close();

    // The national office sees the likely duplicate and merges it into the first record.
    const national = await signedInPage(ADMIN, { at: '/crm/duplicates' });
    const pair = national.page.getByRole('listitem').filter({ hasText: 'Fromagerie Croix Rousse' });
    await eventually(() => pair.getByRole('link', { name: 'Fromagerie de la Croix-Rousse' }).isVisible()).toBe(true);
    await expectAccessibleBehindToasts(national.page);
    await screenshot(national.page, 'crm-duplicates');
    const survivor = pair.locator('.record').filter({ hasText: 'Fromagerie de la Croix-Rousse' });
    await survivor.getByRole('button', { name: 'Garder cette fiche' }).click();
    await national.page.getByRole('alertdialog').getByRole('button', { name: 'Fusionner' }).click();
    await eventually(() => national.page.getByText('Fiches fusionnées.').isVisible()).toBe(true);
    await eventually(() => national.page.getByText('Aucun doublon probable parmi vos entreprises.').isVisible()).toBe(true);
    await national.context.close();
  });

  async function openCompany(page: Page): Promise<void> {
    const search = page.getByRole('combobox', { name: 'Rechercher dans Maillage' });
    await search.fill('canuts');
    await page.getByRole('option', { name: new RegExp(COMPANY) }).click();
    await page.waitForURL(/\/crm\/companies\/[0-9a-f-]{36}$/);
    await eventually(() => page.getByRole('heading', { name: COMPANY, level: 1 }).isVisible()).toBe(true);
  }
});

/** Appends the Luhn check digit, as SIREN numbers carry. */
function withLuhnKey(body: string): string {
  for (let key = 0; key <= 9; key += 1) {
    const candidate = `${body}${key}`;
    const sum = [...candidate].reverse().reduce((total, char, index) => {
      let digit = Number(char);
      if (index % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
      return total + digit;
    }, 0);
    if (sum % 10 === 0) return candidate;
  }
  throw new Error('unreachable');
}

async function readDownload(download: Download): Promise<string> {
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
