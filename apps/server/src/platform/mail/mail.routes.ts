import type { FastifyInstance, FastifyReply } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { dbScopeFor, requirePermission } from '../auth/index.js';
import type { Database } from '../db/index.js';
import { COMMON_PROBLEMS, collectionResponse, problemResponses, toEnvelope } from '../http/responses.js';
import { setEtag } from '../http/preconditions.js';
import { escapeHtml } from './mail-templates.js';
import { outboxCollection } from './mail-outbox.collection.js';
import { getOutboxMail, listOutbox, unsubscribe } from './mail-outbox.service.js';
import { OutboxIdParamsSchema, OutboxMailDetailSchema, OutboxMailSchema, UnsubscribeParamsSchema } from './mail.schema.js';
import { MAIL_PERMISSIONS } from './permissions.js';
import type { UnsubscribeTokens } from './unsubscribe-token.js';

const TAGS = ['mail'];
const LIST_NAMES = { newsletter: "la lettre d'information", events: 'les annonces d’événements' } as const;
const HtmlPage = Type.String({ description: 'A small HTML page in French (text/html).' });

export interface MailRoutesDeps {
  database: Database;
  tokens: UnsubscribeTokens;
}

/** `/api/v1/mail/outbox` (staff) and `/unsubscribe/{token}` (public: the link in list mail). */
export async function mailRoutes(instance: FastifyInstance, deps: MailRoutesDeps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const read = MAIL_PERMISSIONS.outboxRead;

  app.get(
    '/api/v1/mail/outbox',
    {
      preHandler: requirePermission(read),
      schema: {
        tags: TAGS,
        summary: "List the outgoing mail of the caller's entities, newest first",
        description: 'In embedded mode (no SMTP configured) mail stays here with status `kept`.',
        querystring: outboxCollection.querystring,
        response: { 200: collectionResponse(OutboxMailSchema), ...problemResponses(...COMMON_PROBLEMS) },
      },
    },
    async (request) => toEnvelope(await listOutbox(deps.database, dbScopeFor(request, read), outboxCollection.parse(request.query))),
  );

  app.get(
    '/api/v1/mail/outbox/:id',
    {
      preHandler: requirePermission(read),
      schema: {
        tags: TAGS,
        summary: 'Read one outgoing mail: rendered subject, HTML and text parts, delivery state',
        params: OutboxIdParamsSchema,
        response: { 200: OutboxMailDetailSchema, ...problemResponses(...COMMON_PROBLEMS, 404) },
      },
    },
    async (request, reply) => {
      const mail = await getOutboxMail(deps.database, dbScopeFor(request, read), request.params.id);
      setEtag(reply, `${mail.status}-${mail.attempts}`);
      return mail;
    },
  );

  const handleUnsubscribe = async (token: string, reply: FastifyReply) => {
    const claim = await unsubscribe(deps.database, deps.tokens, token);
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-store');
    if (!claim) return reply.code(404).send(page('Lien invalide', 'Ce lien de désinscription est invalide ou incomplet. Copiez l’adresse complète du lien reçu, ou répondez au courriel pour demander votre désinscription.'));
    return reply.send(page('Désinscription enregistrée', `Vous ne recevrez plus ${LIST_NAMES[claim.list]}. Vous pouvez à tout moment vous réinscrire auprès de votre union.`));
  };
  // Public HTML pages reached from mail clients, not API operations: kept out of the OpenAPI document.
  const unsubscribeSchema = {
    hide: true,
    tags: TAGS,
    params: UnsubscribeParamsSchema,
    response: { 200: HtmlPage, 404: HtmlPage, ...problemResponses(400, 429) },
  };

  app.get(
    '/unsubscribe/:token',
    { schema: { ...unsubscribeSchema, summary: 'Unsubscribe link of list mail: records the opt-out and shows a confirmation page' } },
    async (request, reply) => handleUnsubscribe(request.params.token, reply),
  );
  app.post(
    '/unsubscribe/:token',
    {
      // The signed token is the authority (RFC 8058 one-click from the mail client); no session involved.
      config: { csrf: false },
      schema: { ...unsubscribeSchema, summary: 'One-click unsubscribe (RFC 8058 List-Unsubscribe-Post)' },
    },
    async (request, reply) => handleUnsubscribe(request.params.token, reply),
  );
}

function page(title: string, message: string): string {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head><body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p></main></body></html>`;
}
