import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { createTransport } from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTransaction, type Database } from '../db/index.js';
import { createUser, signIn, type SignedIn } from '../../test/auth.js';
import { createSmallNetwork } from '../../test/factories/entities.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { deliverOutboxMail } from './mail-delivery.js';
import type { MailRuntime } from './mail-runtime.js';
import { queueMail, registerMailTemplate, type QueueMailInput } from './index.js';
import type { OutboxMail, OutboxMailDetail } from './mail.schema.js';
import { UnsubscribeTokens } from './unsubscribe-token.js';

registerMailTemplate({
  name: 'test.newsletter',
  kind: 'list',
  subject: 'Lettre de {{entity}} — {{month}}',
  html: '<p>Bonjour {{person.firstName}},</p><p>Voici les nouvelles de votre union.</p><p><a href="{{unsubscribeUrl}}">Se désinscrire</a></p>',
  text: 'Bonjour {{person.firstName}},\n\nVoici les nouvelles de votre union.\n\nSe désinscrire : {{unsubscribeUrl}}',
});
registerMailTemplate({
  name: 'test.invoice',
  subject: 'Votre facture {{number}}',
  html: '<p>Bonjour {{name}},</p><p>Votre facture {{number}} est disponible.</p>',
  text: 'Bonjour {{name}},\nVotre facture {{number}} est disponible.',
});

interface Received {
  envelopeTo: string[];
  mail: ParsedMail;
}

const REFUSED = 'refus@exemple.fr';

async function startSmtpServer(received: Received[]): Promise<SMTPServer> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address === REFUSED) return callback(Object.assign(new Error('Boîte aux lettres inconnue'), { responseCode: 550 }));
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push({ envelopeTo: session.envelope.rcptTo.map((rcpt) => rcpt.address), mail });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

async function setUpNetwork(t: TestApp, prefix: string) {
  const database = t.testDatabase.database;
  const ids = (await createSmallNetwork(database)).ids as Record<string, string>;
  await createUser(t, { email: `${prefix}.rhone@mail.test`, roleCode: 'manager', entityId: ids['69']! });
  await createUser(t, { email: `${prefix}.paris@mail.test`, roleCode: 'manager', entityId: ids['75']! });
  await createUser(t, { email: `${prefix}.national@mail.test`, roleCode: 'national_admin', entityId: ids.FR! });
  return {
    ids,
    database,
    rhone: await signIn(t.app, `${prefix}.rhone@mail.test`),
    paris: await signIn(t.app, `${prefix}.paris@mail.test`),
    national: await signIn(t.app, `${prefix}.national@mail.test`),
  };
}

const queueAs = (database: Database, entityId: string, input: Omit<QueueMailInput, 'entityId'>) =>
  withTransaction(database, { kind: 'entities', entityRoots: [entityId], userId: null }, (tx) => queueMail(tx, { entityId, ...input }));

async function until<T>(probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('Timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('mail through a real SMTP server', () => {
  const received: Received[] = [];
  let server: SMTPServer;
  let smtpUrl: string;
  let t: TestApp;
  let n: Awaited<ReturnType<typeof setUpNetwork>>;
  let runtime: MailRuntime;

  beforeAll(async () => {
    server = await startSmtpServer(received);
    smtpUrl = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
    t = await createTestApp({ SMTP_URL: smtpUrl, MAIL_FROM: 'Union du Rhône <contact@union69.test>', PUBLIC_URL: 'https://maillage.test' });
    n = await setUpNetwork(t, 'smtp');
    runtime = {
      bus: undefined as never,
      transport: createTransport(smtpUrl),
      tokens: new UnsubscribeTokens('dev-only-session-secret-change-me-0000000000'),
      publicUrl: 'https://maillage.test',
      from: 'Union du Rhône <contact@union69.test>',
    };
  });
  afterAll(async () => {
    runtime.transport?.close();
    await t.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const outbox = (who: SignedIn, query = '') => t.app.inject({ method: 'GET', url: `/api/v1/mail/outbox${query}`, headers: who.headers() });
  const detail = (who: SignedIn, id: string) => t.app.inject({ method: 'GET', url: `/api/v1/mail/outbox/${id}`, headers: who.headers() });
  const statusOf = async (id: string) => (await detail(n.national, id)).json<OutboxMailDetail>();
  const receivedFor = (address: string) => until(async () => received.find((entry) => entry.envelopeTo.includes(address)));

  it('delivers a list mail with HTML and text parts, escaped data, an unsubscribe link and List-Unsubscribe', async () => {
    const queued = await queueAs(n.database, n.ids['69']!, {
      to: 'Camille.Martin@exemple.fr',
      template: 'test.newsletter',
      data: { entity: 'Union du Rhône', month: 'décembre\r\nBcc: espion@exemple.fr', person: { firstName: '<script>alert("x")</script> & Cie' } },
      unsubscribeFor: { personId: '0190c0de-0000-7000-8000-000000000001', list: 'newsletter' },
    });
    expect(queued.status).toBe('queued');
    const { mail, envelopeTo } = await receivedFor('camille.martin@exemple.fr');

    expect(envelopeTo).toEqual(['camille.martin@exemple.fr']);
    expect(mail.subject).toBe('Lettre de Union du Rhône — décembre Bcc: espion@exemple.fr');
    expect(mail.headers.has('bcc')).toBe(false);
    expect(mail.from?.value[0]).toMatchObject({ name: 'Union du Rhône', address: 'contact@union69.test' });
    expect(mail.html).toContain('Bonjour &#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; Cie,');
    expect(mail.html).not.toContain('<script>');
    expect(mail.text).toContain('Bonjour <script>alert("x")</script> & Cie,');
    expect(mail.text).toContain('Voici les nouvelles de votre union.');

    const header = (name: string) => mail.headerLines.find((line) => line.key === name)?.line.replace(/^[^:]+:\s*/, '');
    const listUnsubscribe = { url: /^<(.+)>$/.exec(header('list-unsubscribe') ?? '')?.[1] ?? '' };
    expect(listUnsubscribe.url).toMatch(/^https:\/\/maillage\.test\/unsubscribe\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(mail.html).toContain(`href="${listUnsubscribe.url}"`);
    expect(mail.messageId).toBe(`<${queued.id}@maillage>`);

    const sent = await until(async () => ((await statusOf(queued.id)).status === 'sent' ? statusOf(queued.id) : undefined));
    expect(sent).toMatchObject({ status: 'sent', attempts: 1, lastError: null, to: 'camille.martin@exemple.fr', unsubscribeList: 'newsletter' });

    // The link works once the mail client follows it: the opt-out is recorded, then the next list mail is suppressed.
    const path = new URL(listUnsubscribe.url).pathname;
    const page = await t.app.inject({ method: 'GET', url: path });
    expect(page.statusCode, page.body).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('Désinscription enregistrée');
    expect((await t.app.inject({ method: 'POST', url: path })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: `${path.slice(0, -3)}abc` })).statusCode).toBe(404);
    const again = await queueAs(n.database, n.ids['69']!, {
      to: 'camille.martin@exemple.fr',
      template: 'test.newsletter',
      data: { entity: 'Union du Rhône', month: 'janvier', person: { firstName: 'Camille' } },
      unsubscribeFor: { personId: '0190c0de-0000-7000-8000-000000000001', list: 'newsletter' },
    });
    expect(again.status).toBe('suppressed');
  });

  it('sends transactional mail without unsubscribe link or header, and never twice when the delivery is retried', async () => {
    const queued = await queueAs(n.database, n.ids['69']!, { to: 'tresorier@garage.fr', template: 'test.invoice', data: { name: 'Garage du Rhône', number: 'COT-2026-000042' } });
    const { mail } = await receivedFor('tresorier@garage.fr');
    expect(mail.subject).toBe('Votre facture COT-2026-000042');
    expect(mail.html).toContain('<p>Votre facture COT-2026-000042 est disponible.</p>');
    expect(mail.text).toContain('Votre facture COT-2026-000042 est disponible.');
    expect(mail.headers.has('list-unsubscribe')).toBe(false);
    expect(mail.html).not.toContain('unsubscribe');

    await until(async () => ((await statusOf(queued.id)).status === 'sent' ? true : undefined));
    // A redelivered job (worker crashed after sending, before acknowledging) finds the mail sent.
    expect(await deliverOutboxMail(n.database, runtime, queued.id, { finalAttempt: false })).toBe('skipped');
    expect(await deliverOutboxMail(n.database, runtime, queued.id, { finalAttempt: true })).toBe('skipped');
    expect(received.filter((entry) => entry.envelopeTo.includes('tresorier@garage.fr'))).toHaveLength(1);
  });

  it('records SMTP refusals, keeps the mail queued for the next retry, and marks it failed after the last one', async () => {
    const queued = await queueAs(n.database, n.ids['69']!, { to: REFUSED, template: 'test.invoice', data: { name: 'Inconnu', number: 'COT-2026-000043' } });
    const firstAttempt = await until(async () => {
      const mail = await statusOf(queued.id);
      return mail.attempts === 1 && mail.status === 'queued' ? mail : undefined;
    });
    expect(firstAttempt.lastError).toContain('Boîte aux lettres inconnue');
    expect(await deliverOutboxMail(n.database, runtime, queued.id, { finalAttempt: true })).toBe('failed');
    expect(await statusOf(queued.id)).toMatchObject({ status: 'failed', attempts: 2, lastError: expect.stringContaining('550') });
  });

  it('shows each branch only its own outbox; national staff see all', async () => {
    await queueAs(n.database, n.ids['75']!, { to: 'adherent@paris.fr', template: 'test.invoice', data: { name: 'Boulangerie', number: 'COT-2026-000001' } });
    const rhone = (await outbox(n.rhone)).json<{ items: OutboxMail[] }>().items;
    const paris = (await outbox(n.paris)).json<{ items: OutboxMail[] }>().items;
    const national = (await outbox(n.national, '?count=exact')).json<{ items: OutboxMail[]; count: number }>();
    expect(rhone.length).toBeGreaterThanOrEqual(3);
    expect(rhone.every((mail) => mail.entityId === n.ids['69'])).toBe(true);
    expect(paris.map((mail) => mail.to)).toEqual(['adherent@paris.fr']);
    expect(national.count).toBe(rhone.length + paris.length);
    expect((await detail(n.paris, rhone[0]!.id)).statusCode).toBe(404);
    expect((await detail(n.rhone, rhone[0]!.id)).statusCode).toBe(200);
    expect((await outbox(n.rhone, '?filter[secret]=1')).statusCode).toBe(400);
  });
});

describe('mail in embedded mode (no SMTP configured)', () => {
  let t: TestApp;
  let n: Awaited<ReturnType<typeof setUpNetwork>>;

  beforeAll(async () => {
    t = await createTestApp();
    n = await setUpNetwork(t, 'kept');
  });
  afterAll(() => t.close());

  it('keeps mail in the outbox, readable rendered through the API', async () => {
    const queued = await queueAs(n.database, n.ids['69']!, { to: 'tresorier@garage.fr', template: 'test.invoice', data: { name: 'Dupont & Fils <SARL>', number: 'COT-2026-000007' } });
    expect(queued.status).toBe('kept');
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/mail/outbox?filter[status]=kept', headers: n.rhone.headers() });
    expect(list.json().items.map((mail: OutboxMail) => mail.id)).toEqual([queued.id]);
    const detail = await t.app.inject({ method: 'GET', url: `/api/v1/mail/outbox/${queued.id}`, headers: n.rhone.headers() });
    expect(detail.json()).toMatchObject({
      status: 'kept',
      subject: 'Votre facture COT-2026-000007',
      html: '<p>Bonjour Dupont &#38; Fils &#60;SARL&#62;,</p><p>Votre facture COT-2026-000007 est disponible.</p>',
      text: 'Bonjour Dupont & Fils <SARL>,\nVotre facture COT-2026-000007 est disponible.',
    });
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/mail/outbox/${queued.id}`, headers: n.paris.headers() })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/mail/outbox' })).statusCode).toBe(401);
  });

  it('refuses data that does not fill the template and rolls the caller back', async () => {
    await expect(queueAs(n.database, n.ids['69']!, { to: 'a@b.fr', template: 'test.invoice', data: { name: 'X' } })).rejects.toThrow(/number/);
    await expect(queueAs(n.database, n.ids['69']!, { to: 'a@b.fr', template: 'test.invoice', data: { name: { toString: 'x' }, number: '1' } })).rejects.toThrow(/text or a number/);
    await expect(queueAs(n.database, n.ids['69']!, { to: 'a@b.fr\r\nBcc: x@y.fr', template: 'test.invoice', data: { name: 'X', number: '1' } })).rejects.toThrow(/recipient/);
    await expect(queueAs(n.database, n.ids['69']!, { to: 'a@b.fr', template: 'test.newsletter', data: {} })).rejects.toThrow(/unsubscribeFor/);
  });
});
