import type { Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seedAiDemo } from '../../server/src/modules/ai/index.js';
import { chromiumAvailable, screenshot } from './harness/browser.js';
import { ADMIN, eventually, expectAccessibleBehindToasts, useJourneys } from './harness/journeys.js';

const QUESTION = "Quelle est la durée maximale d'un CDD, renouvellements compris ?";
const QUOTE = 'Sa durée maximale est en principe de 18 mois, renouvellements compris.';
const CDD_GUIDE = 'Le contrat à durée déterminée (CDD)';
const UNANSWERABLE = 'Quelle est la recette de la tarte aux myrtilles de grand-mère ?';

/**
 * The assistant through the real server and the production build: the national administrator asks
 * a question the « Guides pratiques » demo collection answers (built-in extractive provider, no
 * model), opens a citation, gives feedback, sees a refusal, adds a document to the collection and
 * finds the question in the journal.
 */
describe.skipIf(!chromiumAvailable)('assistant back-office in Chromium', { timeout: 240_000 }, () => {
  // The AI demo seed: the guides, indexed, and flag ai.assistant on.
  const { signedInPage } = useJourneys({ prepare: async (database) => void (await seedAiDemo(database)) });

  it('asks a question, opens a citation, gives feedback, adds a document and finds the question in the journal', async () => {
    const { context, page } = await signedInPage(ADMIN);

    // The nav entry shows once the flags are loaded (ai.assistant is on).
    await eventually(() => page.getByRole('link', { name: 'Assistant IA' }).isVisible()).toBe(true);
    await page.getByRole('link', { name: 'Assistant IA' }).click();
    await page.waitForURL(/\/assistant\/ask$/);
    await eventually(() => page.getByRole('heading', { name: 'Poser une question', level: 1 }).isVisible()).toBe(true);
    await expectAccessibleBehindToasts(page);

    // An answer sentence by sentence, each with its numbered citation.
    await page.getByLabel('Votre question').fill(QUESTION);
    await page.getByRole('button', { name: 'Demander' }).click();
    // The whole page text on failure: a refusal or an error message says why.
    await eventually(() => page.locator('main').textContent()).toContain('18 mois');
    await eventually(() => page.getByTestId('answer-text').textContent()).toContain('18 mois');
    const marker = page.getByRole('button', { name: new RegExp(`^Source \\d+ : ${CDD_GUIDE.replace(/[()]/g, '\\$&')}$`) }).first();
    await eventually(() => marker.isVisible()).toBe(true);
    await expectAccessibleBehindToasts(page);
    await screenshot(page, 'assistant-answer');

    // The citation opens the cited passage, highlighted in its document, with a link to the source.
    await marker.click();
    const dialog = page.getByRole('dialog');
    await eventually(() => dialog.getByRole('heading', { name: new RegExp(CDD_GUIDE.replace(/[()]/g, '\\$&')) }).isVisible()).toBe(true);
    await eventually(() => dialog.locator('mark').textContent()).toBe(QUOTE);
    // The passage around the quote comes from the document's text.
    await eventually(() => dialog.getByTestId('cited-passage').locator('.muted').count()).toBeGreaterThan(0);
    expect(await dialog.getByRole('link', { name: 'Ouvrir la source (nouvel onglet)' }).getAttribute('href')).toBe('https://guides.maillage.example/guides/contrat-cdd');
    await expectAccessibleBehindToasts(page);
    await screenshot(page, 'assistant-citation');
    await dialog.getByRole('button', { name: 'Fermer' }).click();
    await eventually(() => page.getByRole('dialog').count()).toBe(0);

    await page.getByRole('button', { name: 'Utile', exact: true }).click();
    await eventually(() => page.getByText('Merci, votre avis « Utile » est enregistré.').isVisible()).toBe(true);

    // A stream cut mid-answer (here: it ends after one segment) keeps the sentence already shown, says
    // so in French and offers to ask again, which then gets the whole answer.
    const cutStream = (route: Route) =>
      route.fulfill({ status: 200, contentType: 'text/event-stream', body: `event: segment\ndata: ${JSON.stringify({ text: QUOTE, citations: [] })}\n\n` });
    await page.route('**/api/v1/ai/answers/stream', cutStream);
    // Another wording, so that the journal below still finds one row for QUESTION.
    await page.getByLabel('Votre question').fill("Quelle est la durée maximale d'un CDD ?");
    await page.getByRole('button', { name: 'Demander' }).click();
    await eventually(() => page.getByTestId('interrupted').textContent()).toContain('La réponse a été interrompue avant la fin.');
    expect(await page.getByTestId('answer-text').textContent()).toContain(QUOTE);
    await expectAccessibleBehindToasts(page);
    await page.unroute('**/api/v1/ai/answers/stream', cutStream);
    await page.getByRole('button', { name: 'Réessayer' }).click();
    await eventually(() => page.getByTestId('interrupted').count()).toBe(0);
    await eventually(() => page.getByRole('button', { name: 'Utile', exact: true }).isVisible()).toBe(true);
    expect(await page.getByTestId('answer-text').textContent()).toContain('18 mois');

    // Nothing relevant in the sources: the assistant says so instead of answering.
    await page.getByLabel('Votre question').fill(UNANSWERABLE);
    await page.getByRole('button', { name: 'Demander' }).click();
    await eventually(() => page.getByTestId('refusal').textContent()).toContain("L'assistant ne répond pas à cette question.");
    await expectAccessibleBehindToasts(page);

    // Collections: the guides, their indexing status, and a document typed in.
    await page.getByRole('tab', { name: 'Collections' }).click();
    await page.waitForURL(/\/assistant\/collections$/);
    await eventually(() => page.getByRole('link', { name: 'Guides pratiques' }).isVisible()).toBe(true);
    await expectAccessibleBehindToasts(page);
    await page.getByRole('link', { name: 'Guides pratiques' }).click();
    await page.waitForURL(/\/assistant\/collections\/[0-9a-f-]{36}$/);
    await eventually(() => page.getByRole('heading', { name: 'Guides pratiques', level: 1 }).isVisible()).toBe(true);
    await eventually(() => page.getByTestId('indexing-status').textContent()).toMatch(/Indexés : 15 · en cours d'indexation : 0/);
    await expectAccessibleBehindToasts(page);

    await page.getByRole('button', { name: 'Ajouter un document' }).click();
    const add = page.getByRole('dialog');
    await add.getByRole('radio', { name: 'Texte saisi' }).check();
    await add.getByLabel('Titre').fill('Note sur les astreintes');
    await add.getByLabel('Texte (Markdown accepté)').fill("# Astreintes\n\nUne période d'astreinte ouvre droit à une compensation financière ou à un repos.");
    await expectAccessibleBehindToasts(page);
    await add.getByRole('button', { name: 'Ajouter' }).click();
    await eventually(() => page.getByRole('dialog').count()).toBe(0);
    await eventually(() => page.getByRole('row', { name: /Note sur les astreintes/ }).textContent()).toContain('Indexé');
    await eventually(() => page.getByTestId('indexing-status').textContent()).toMatch(/Indexés : 16 · en cours d'indexation : 0/);
    await expectAccessibleBehindToasts(page);
    await screenshot(page, 'assistant-collection');

    // The journal lists the question; its detail shows the answer and the retrieved passages.
    await page.getByRole('tab', { name: 'Journal' }).click();
    await page.waitForURL(/\/assistant\/journal/);
    const row = page.getByRole('row', { name: new RegExp(QUESTION.replace(/[?()]/g, '\\$&')) });
    await eventually(() => row.isVisible()).toBe(true);
    expect(await row.textContent()).toContain('Répondue');
    expect(await row.textContent()).toContain('Utile');
    await expectAccessibleBehindToasts(page);
    await screenshot(page, 'assistant-journal');
    await row.getByRole('button', { name: /^Détails/ }).click();
    const detail = page.getByRole('dialog');
    await eventually(() => detail.getByRole('heading', { name: QUESTION }).isVisible()).toBe(true);
    await eventually(() => detail.getByText(QUOTE).first().isVisible()).toBe(true);
    await expectAccessibleBehindToasts(page);
    await context.close();
  });

  it('creates a collection, adds a document, gets a streamed answer citing it, names the asker in the journal, then deletes the document and the collection', async () => {
    const { context, page } = await signedInPage(ADMIN);
    const question = 'Quand se tiennent les permanences juridiques du réseau ?';
    await page.goto('/assistant/collections');
    await eventually(() => page.getByRole('button', { name: 'Nouvelle collection' }).isVisible()).toBe(true);

    // Create, then rename (PATCH with If-Match).
    await page.getByRole('button', { name: 'Nouvelle collection' }).click();
    const create = page.getByRole('dialog');
    await eventually(() => create.getByRole('heading', { name: 'Nouvelle collection' }).isVisible()).toBe(true);
    await create.getByLabel('Nom').fill('Notes de permanence');
    await create.getByLabel('Description').fill('Organisation des permanences du réseau.');
    await expectAccessibleBehindToasts(page);
    await create.getByRole('button', { name: 'Enregistrer' }).click();
    await page.waitForURL(/\/assistant\/collections\/[0-9a-f-]{36}$/);
    await eventually(() => page.getByRole('heading', { name: 'Notes de permanence', level: 1 }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Modifier', exact: true }).click();
    const edit = page.getByRole('dialog');
    await eventually(() => edit.getByLabel('Nom').inputValue()).toBe('Notes de permanence');
    await edit.getByLabel('Nom').fill('Permanences du réseau');
    await edit.getByRole('button', { name: 'Enregistrer' }).click();
    await eventually(() => page.getByRole('heading', { name: 'Permanences du réseau', level: 1 }).isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Ajouter un document' }).click();
    const add = page.getByRole('dialog');
    await add.getByRole('radio', { name: 'Texte saisi' }).check();
    await add.getByLabel('Titre').fill('Permanences juridiques');
    await add.getByLabel('Texte (Markdown accepté)').fill('# Permanences\n\nLes permanences juridiques du réseau se tiennent chaque mardi matin au siège national.');
    await add.getByRole('button', { name: 'Ajouter' }).click();
    await eventually(() => page.getByTestId('indexing-status').textContent()).toMatch(/Indexés : 1 · en cours d'indexation : 0/);
    await expectAccessibleBehindToasts(page);

    // The answer arrives as server-sent events and ends with its numbered source.
    await page.getByRole('tab', { name: 'Poser une question' }).click();
    await page.getByLabel('Votre question').fill(question);
    const streamed = page.waitForResponse((response) => response.url().endsWith('/api/v1/ai/answers/stream'));
    await page.getByRole('button', { name: 'Demander' }).click();
    expect((await streamed).headers()['content-type']).toContain('text/event-stream');
    await eventually(() => page.locator('main').textContent()).toContain('chaque mardi matin');
    await eventually(() => page.getByRole('button', { name: 'Source 1 : Permanences juridiques' }).isVisible()).toBe(true);
    await eventually(() => page.getByRole('listitem').filter({ hasText: 'Permanences juridiques' }).isVisible()).toBe(true);
    await expectAccessibleBehindToasts(page);

    // The journal names the asker (and gives the e-mail in the detail).
    await page.getByRole('tab', { name: 'Journal' }).click();
    const row = page.getByRole('row', { name: new RegExp(question.replace(/[?]/g, '\\$&')) });
    await eventually(() => row.textContent()).toContain('Administration nationale');
    await row.getByRole('button', { name: /^Détails/ }).click();
    await eventually(() => page.getByRole('dialog').getByRole('link', { name: ADMIN }).isVisible()).toBe(true);
    await expectAccessibleBehindToasts(page);
    await page.getByRole('dialog').getByRole('button', { name: 'Fermer' }).click();

    // Deleting asks first: the document, then the collection.
    await page.getByRole('tab', { name: 'Collections' }).click();
    await page.getByRole('link', { name: 'Permanences du réseau' }).click();
    await page.getByRole('button', { name: 'Supprimer « Permanences juridiques »' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Supprimer' }).click();
    await eventually(() => page.getByText('Aucun document ne correspond à ces critères.').isVisible()).toBe(true);
    await eventually(() => page.getByTestId('indexing-status').textContent()).toMatch(/Indexés : 0 · en cours d'indexation : 0/);
    await page.getByRole('tab', { name: 'Collections' }).click();
    await page.getByRole('button', { name: 'Supprimer la collection « Permanences du réseau »' }).click();
    const confirm = page.getByRole('alertdialog');
    await eventually(() => confirm.getByRole('heading', { name: 'Supprimer la collection ?' }).isVisible()).toBe(true);
    await expectAccessibleBehindToasts(page);
    await confirm.getByRole('button', { name: 'Supprimer' }).click();
    await eventually(() => page.getByRole('link', { name: 'Permanences du réseau' }).count()).toBe(0);
    await eventually(() => page.getByRole('link', { name: 'Guides pratiques' }).isVisible()).toBe(true);
    await context.close();
  });
});
