import { generate } from 'otplib';
import { describe, expect, it, beforeAll } from 'vitest';
import { chromiumAvailable, screenshot } from './harness/browser.js';
import { ADMIN, choose, eventually, expectAccessible, fillCredentials, useJourneys } from './harness/journeys.js';
import { DEMO_PASSWORD } from './harness/server.js';

const USER_PASSWORD = 'une phrase de passe assez longue';

/** Account journeys (password, two-factor, lockout) and the administration editors, in Chromium. */
describe.skipIf(!chromiumAvailable)('back-office accounts and administration in Chromium', { timeout: 180_000 }, () => {
  const journeys = useJourneys();
  const { newPage, signedInPage } = journeys;
  let admin: { cookie: string; csrfToken: string };
  let rhoneId: string;

  beforeAll(async () => {
    admin = await apiSignIn(ADMIN, DEMO_PASSWORD);
    const me = await api<{ entities: { id: string; code: string }[] }>('GET', '/api/v1/auth/me');
    rhoneId = me.entities.find((entity) => entity.code === '69')!.id;
  });

  async function apiSignIn(email: string, password: string): Promise<{ cookie: string; csrfToken: string }> {
    const response = await journeys.server.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
    expect(response.statusCode, response.body).toBe(200);
    const session = response.cookies.find((cookie) => cookie.name === 'maillage_session')!;
    return { cookie: `maillage_session=${session.value}`, csrfToken: response.json<{ csrfToken: string }>().csrfToken };
  }

  /** A call as the national administrator, through the real routes. */
  async function api<T>(method: 'GET' | 'POST', url: string, payload?: object): Promise<T> {
    const headers = method === 'GET' ? { cookie: admin.cookie } : { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken };
    const response = await journeys.server.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
    expect(response.statusCode, response.body).toBeLessThan(300);
    return response.json<T>();
  }

  /** A Rhône viewer; without a password the server issues a temporary one, returned here. */
  async function createRhoneUser(email: string, password?: string): Promise<{ id: string; temporaryPassword?: string }> {
    const created = await api<{ user: { id: string }; temporaryPassword?: string }>('POST', '/api/v1/users', {
      email,
      displayName: `Compte ${email.split('@')[0]}`,
      homeEntityId: rhoneId,
      ...(password ? { password } : {}),
    });
    await api('POST', `/api/v1/users/${created.user.id}/grants`, { roleCode: 'viewer', entityId: rhoneId });
    return { id: created.user.id, ...(created.temporaryPassword ? { temporaryPassword: created.temporaryPassword } : {}) };
  }

  /** The code an authenticator shows `periodsAhead` 30-second periods from now. */
  function totpCode(secret: string, periodsAhead = 0): Promise<string> {
    return generate({ secret, epoch: Math.floor(Date.now() / 1000) + periodsAhead * 30 });
  }

  it('forces a user with a temporary password to choose their own before anything else', async () => {
    const { temporaryPassword } = await createRhoneUser('recrue.69@maillage.test');
    const { context, page } = await newPage();
    await page.goto('/admin');
    await fillCredentials(page, 'recrue.69@maillage.test', temporaryPassword!);
    await page.waitForURL(/\/change-password\?returnUrl=/);
    await eventually(() => page.getByRole('heading', { name: 'Choisissez votre mot de passe' }).isVisible()).toBe(true);
    await expectAccessible(page);
    // Any other screen leads back here until the change is made.
    await page.goto('/dashboard');
    await page.waitForURL(/\/change-password/);

    await page.getByLabel('Mot de passe actuel').fill(temporaryPassword!);
    await page.getByLabel('Nouveau mot de passe', { exact: true }).fill('court');
    await page.getByLabel('Confirmer le nouveau mot de passe').fill('court');
    await page.getByRole('button', { name: 'Changer le mot de passe' }).click();
    await eventually(() => page.getByText('Au moins 12 caractères.').isVisible()).toBe(true);

    await page.getByLabel('Nouveau mot de passe', { exact: true }).fill(USER_PASSWORD);
    await page.getByLabel('Confirmer le nouveau mot de passe').fill(USER_PASSWORD);
    await page.getByRole('button', { name: 'Changer le mot de passe' }).click();
    // Back to where the user was last heading.
    await page.waitForURL(/\/dashboard$/);
    await context.close();
  });

  it('shows a wrong current password on its field, without signing the user out', async () => {
    await createRhoneUser('distrait.69@maillage.test', USER_PASSWORD);
    const { context, page } = await signedInPage('distrait.69@maillage.test', { password: USER_PASSWORD, at: '/account' });
    await eventually(() => page.getByRole('heading', { name: 'Mon compte', level: 1 }).isVisible()).toBe(true);
    await expectAccessible(page);
    await screenshot(page, 'account');
    await page.getByLabel('Mot de passe actuel').fill('pas le bon mot de passe');
    await page.getByLabel('Nouveau mot de passe', { exact: true }).fill('une autre phrase de passe');
    await page.getByLabel('Confirmer le nouveau mot de passe').fill('une autre phrase de passe');
    await page.getByRole('button', { name: 'Changer le mot de passe' }).click();
    await eventually(() => page.getByText('Le mot de passe actuel est incorrect.').isVisible()).toBe(true);
    expect(new URL(page.url()).pathname).toBe('/account');
    await context.close();
  });

  it('enrols two-factor authentication from "Mon compte", then asks for the code at sign-in', async () => {
    await createRhoneUser('prudent.69@maillage.test', USER_PASSWORD);
    const { context, page } = await signedInPage('prudent.69@maillage.test', { password: USER_PASSWORD, at: '/account' });
    await page.getByRole('button', { name: 'Configurer la double authentification' }).click();
    const secretText = page.getByTestId('totp-secret');
    await eventually(() => secretText.isVisible()).toBe(true);
    const secret = (await secretText.textContent())!.trim();
    await eventually(() => page.getByRole('img', { name: /QR code/ }).isVisible()).toBe(true);
    await expectAccessible(page);

    await page.getByLabel("Code affiché par l'application").fill('000000');
    await page.getByRole('button', { name: 'Activer' }).click();
    await eventually(() => page.getByText('Code incorrect ou expiré').isVisible()).toBe(true);
    await page.getByLabel("Code affiché par l'application").fill(await totpCode(secret));
    await page.getByRole('button', { name: 'Activer' }).click();
    const codes = page.getByRole('list', { name: 'Codes de secours' }).getByRole('listitem');
    await eventually(() => codes.count()).toBe(10);
    await page.getByRole('button', { name: "J'ai noté mes codes" }).click();
    await eventually(() => page.getByText('La double authentification est active sur votre compte.').isVisible()).toBe(true);
    await context.close();

    const again = await newPage();
    await again.page.goto('/sign-in');
    await fillCredentials(again.page, 'prudent.69@maillage.test', USER_PASSWORD);
    const codeField = again.page.getByLabel('Code de vérification');
    await eventually(() => codeField.isVisible()).toBe(true);
    await expectAccessible(again.page);
    await codeField.fill('123456');
    await again.page.getByRole('button', { name: 'Vérifier' }).click();
    await eventually(() => again.page.getByRole('alert').textContent()).toContain('Code de vérification incorrect.');
    // The activation code's period is spent (no replay): the next period's code is accepted, as drift.
    await codeField.fill(await totpCode(secret, 1));
    await again.page.getByRole('button', { name: 'Vérifier' }).click();
    await again.page.waitForURL(/\/dashboard$/);
    await again.context.close();
  });

  it('tells the user the account is locked after repeated failures', async () => {
    await createRhoneUser('oublieux.69@maillage.test', USER_PASSWORD);
    const { context, page } = await newPage();
    await page.goto('/sign-in');
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await fillCredentials(page, 'oublieux.69@maillage.test', `mauvais essai ${attempt}`);
      const expected = attempt < 5 ? 'Adresse e-mail ou mot de passe incorrect' : 'Compte temporairement verrouillé';
      await eventually(() => page.getByRole('alert').textContent()).toContain(expected);
    }
    await eventually(() => page.getByRole('alert').textContent()).toMatch(/Réessayez dans 15 minutes/);
    await eventually(() => page.getByText('les connexions sont suspendues un moment').isVisible()).toBe(true);
    // Even the right password is refused while the lock holds.
    await fillCredentials(page, 'oublieux.69@maillage.test', USER_PASSWORD);
    await eventually(() => page.getByRole('button', { name: 'Se connecter' }).isEnabled()).toBe(true);
    await eventually(() => page.getByRole('alert').textContent()).toContain('Compte temporairement verrouillé');
    await expectAccessible(page);
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await context.close();
  });

  it('creates and edits a custom role from the permission catalogue, with server errors on the fields', async () => {
    const { context, page } = await signedInPage(ADMIN);
    // Until the permission catalogue has arrived, a new role could be given no permission: the button waits for it.
    let releaseCatalogue = (): void => undefined;
    const catalogueHeld = new Promise<void>((resolve) => (releaseCatalogue = resolve));
    await page.route('**/api/v1/permissions*', async (route) => {
      await catalogueHeld;
      await route.continue();
    });
    await page.goto('/admin/roles');
    const create = page.getByRole('button', { name: 'Nouveau rôle' });
    await eventually(() => create.isVisible()).toBe(true);
    expect(await create.isDisabled()).toBe(true);
    releaseCatalogue();
    await create.click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Nom').fill('Trésorerie');
    await dialog.getByLabel('Identifiant').fill('Trésorerie');
    await dialog.getByRole('checkbox', { name: /(^|[^.\w])audit\.read/ }).check();
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await eventually(() => dialog.getByText('Une lettre minuscule puis').isVisible()).toBe(true);
    await expectAccessible(page);
    // A code already taken (a system role's) is refused by the server and shown on its field.
    await dialog.getByLabel('Identifiant').fill('manager');
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await eventually(() => dialog.getByText('Un rôle porte déjà cet identifiant.').isVisible()).toBe(true);
    await dialog.getByLabel('Identifiant').fill('tresorerie');
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await eventually(() => dialog.isVisible()).toBe(false);
    const panel = page.getByRole('button', { name: /Trésorerie/ });
    await eventually(() => panel.textContent()).toContain('1 permission(s)');

    await panel.click();
    await page.getByRole('button', { name: 'Modifier le rôle' }).click();
    await dialog.getByLabel('Nom').fill('Trésorerie régionale');
    await dialog.getByRole('checkbox', { name: /identity\.users\.read/ }).check();
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await eventually(() => page.getByRole('button', { name: /Trésorerie régionale/ }).textContent()).toContain('2 permission(s)');
    await context.close();
  });

  it('creates a feature flag with targeting rules and maps a server rule error to its field', async () => {
    const { context, page } = await signedInPage(ADMIN, { at: '/admin/flags' });
    await page.getByRole('button', { name: 'Nouvelle fonctionnalité' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Clé').fill('crm.essai-pilote');
    await dialog.getByLabel('Description').fill('Essai auprès du Rhône');
    await dialog.getByRole('button', { name: 'Ajouter une règle' }).click();
    const rule = dialog.getByRole('group', { name: 'Règle 1' });
    await choose(page, rule.getByRole('combobox', { name: 'Rôles' }), 'Gestionnaire');
    await page.keyboard.press('Escape');
    await rule.getByLabel('Part des utilisateurs').fill('12.345');
    await choose(page, rule.getByRole('combobox', { name: 'Variante servie' }), 'on');
    // Wait for the server's refusal itself: the error it maps to the field comes with it.
    const refusal = page.waitForResponse((response) => response.url().endsWith('/api/v1/feature-flags') && response.request().method() === 'POST');
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    expect((await refusal).status()).toBe(422);
    await eventually(() => rule.getByText('Deux décimales au plus.').isVisible()).toBe(true);
    await expectAccessible(page);
    await screenshot(page, 'feature-flag-editor');
    await rule.getByLabel('Part des utilisateurs').fill('25');
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await eventually(() => dialog.isVisible()).toBe(false);
    const row = page.getByRole('row', { name: /crm\.essai-pilote/ });
    await eventually(() => row.textContent()).toContain('1 · par défaut off');

    await row.getByRole('button', { name: 'Modifier crm.essai-pilote' }).click();
    await dialog.getByRole('button', { name: 'Ajouter une règle' }).click();
    const second = dialog.getByRole('group', { name: 'Règle 2' });
    await choose(page, second.getByRole('combobox', { name: 'Entités (et leurs sous-structures)' }), /Union territoriale du Rhône$/);
    await page.keyboard.press('Escape');
    await dialog.getByRole('button', { name: 'Enregistrer' }).click();
    await eventually(() => dialog.isVisible()).toBe(false);
    await eventually(() => row.textContent()).toContain('2 · par défaut off');
    const stored = await api<{ rules: unknown[] }>('GET', '/api/v1/feature-flags/crm.essai-pilote');
    expect(stored.rules).toEqual([{ roles: ['manager'], percentage: 25, variant: 'on' }, { entityIds: [rhoneId], variant: 'on' }]);
    await context.close();
  });

  it('keeps what is typed in the field the user moved to while a dialog was opening', async () => {
    const { context, page } = await signedInPage(ADMIN, { at: '/admin/users' });
    await page.getByRole('button', { name: 'Nouvel utilisateur' }).click();
    const email = page.getByRole('dialog').getByLabel('Adresse e-mail');
    // Focused without waiting for the dialog to stand still, as a quick user tabbing or clicking would.
    await email.focus();
    // Past the opening animation, at whose end Material's default pulls the focus to the first field.
    await page.waitForTimeout(500);
    await page.keyboard.type('rapide@maillage.test');
    expect(await email.inputValue()).toBe('rapide@maillage.test');
    expect(await page.getByRole('dialog').getByLabel('Nom').inputValue()).toBe('');
    await context.close();
  });

  it('creates a child entity, then moves it under another région', async () => {
    const me = await api<{ entities: { id: string; code: string }[] }>('GET', '/api/v1/auth/me');
    const auvergne = me.entities.find((entity) => entity.code === 'R84')!.id;
    const { context, page } = await signedInPage(ADMIN, { at: `/admin/entities?selected=${auvergne}` });
    await page.getByRole('button', { name: 'Nouvelle sous-entité' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Nom').fill('Fédération du bâtiment');
    await dialog.getByLabel('Code').fill('69');
    await choose(page, dialog.getByRole('combobox', { name: 'Type' }), 'Fédération');
    await dialog.getByRole('button', { name: "Créer l'entité" }).click();
    await eventually(() => dialog.getByText('Ce code est déjà utilisé par une autre entité.').isVisible()).toBe(true);
    await expectAccessible(page);
    await dialog.getByLabel('Code').fill('fed-btp-84');
    await dialog.getByRole('button', { name: "Créer l'entité" }).click();
    await eventually(() => dialog.isVisible()).toBe(false);
    const created = async () => (await api<{ items: { id: string; parentId: string }[] }>('GET', '/api/v1/entities?filter[code]=FED-BTP-84')).items;
    expect((await created()).map((entity) => entity.parentId)).toEqual([auvergne]);
    // The new entity is selected, ready for its details.
    await page.waitForURL(new RegExp(`selected=${(await created())[0]!.id}`));

    await page.getByRole('button', { name: 'Déplacer' }).click();
    const parent = dialog.getByRole('combobox', { name: 'Nouvelle entité parente' });
    await choose(page, parent, /Union régionale d.Île-de-France/);
    await dialog.getByRole('button', { name: 'Déplacer' }).click();
    await eventually(() => dialog.isVisible()).toBe(false);
    const ileDeFrance = me.entities.find((entity) => entity.code === 'R11')!.id;
    expect((await created()).map((entity) => entity.parentId)).toEqual([ileDeFrance]);
    await context.close();
  });

  it('names who acted in the audit trail, and narrows the users list to the branch switcher', async () => {
    await api('POST', '/api/v1/roles', { code: 'auditeur_essai', name: 'Auditeur (essai)', permissions: ['audit.read'] });
    const { context, page } = await signedInPage(ADMIN, { at: '/admin/audit?filter%5Baction%5D%5Bcontains%5D=identity.role.created' });
    const row = page.getByRole('row', { name: /identity\.role\.created/ }).first();
    await eventually(() => row.textContent()).toContain('Administration nationale');
    await expectAccessible(page);

    await page.goto('/admin/users');
    await eventually(() => page.getByRole('link', { name: 'Gestionnaire de Paris' }).isVisible()).toBe(true);
    const switcher = page.getByRole('combobox', { name: 'Entité de travail' });
    await switcher.click();
    await switcher.fill('rhône');
    await page.getByRole('option', { name: 'Union territoriale du Rhône' }).click();
    await eventually(() => page.getByRole('link', { name: 'Gestionnaire du Rhône' }).isVisible()).toBe(true);
    await eventually(() => page.getByRole('link', { name: 'Gestionnaire de Paris' }).count()).toBe(0);
    await context.close();
  });

  it('hides a part of the interface when its feature flag is off for the user, per branch', async () => {
    // Off by default, on for the Rhône subtree: the same administrator sees « Doublons » only there.
    await api('POST', '/api/v1/feature-flags', {
      key: 'crm.duplicates',
      description: 'Écran des doublons du CRM',
      kind: 'boolean',
      defaultVariant: 'off',
      rules: [{ entityIds: [rhoneId], variant: 'on' }],
    });
    const { context, page } = await signedInPage(ADMIN, { at: '/crm/companies' });
    // Material renders the section links as tabs.
    const tab = (name: string) => page.getByRole('tab', { name, exact: true });
    await eventually(() => tab('Entreprises').isVisible()).toBe(true);
    await eventually(() => tab('Doublons').count()).toBe(0);

    const switcher = page.getByRole('combobox', { name: 'Entité de travail' });
    await switcher.click();
    await switcher.fill('rhône');
    await page.getByRole('option', { name: 'Union territoriale du Rhône' }).click();
    await eventually(() => tab('Doublons').isVisible()).toBe(true);
    await expectAccessible(page);
    await context.close();
  });
});
