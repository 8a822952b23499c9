import type { FastifyInstance } from 'fastify';
import { createTransport } from 'nodemailer';
import type { AppContext } from '../../app.js';
import type { SmtpSettings } from '../config/index.js';
import { registerPermissions } from '../auth/index.js';
import { deliverOutboxMail } from './mail-delivery.js';
import { attachMailRuntime, type MailRuntime } from './mail-runtime.js';
import { MAIL_DELIVER } from './mail.messages.js';
import { mailRoutes } from './mail.routes.js';
import { MAIL_PERMISSION_DEFINITIONS } from './permissions.js';
import { UnsubscribeTokens } from './unsubscribe-token.js';

/** Outgoing mail: the outbox API, the unsubscribe page and the delivery job (ADR 0021). */
export function registerMail(app: FastifyInstance, context: Pick<AppContext, 'config' | 'database' | 'bus'>): void {
  const { config, database, bus } = context;
  registerPermissions(MAIL_PERMISSION_DEFINITIONS);
  const transport = config.smtp ? createTransport(transportOptions(config.smtp)) : null;
  const runtime: MailRuntime = { bus, transport, tokens: new UnsubscribeTokens(config.sessionSecret), publicUrl: config.publicUrl, from: config.mailFrom };
  attachMailRuntime(database.appPool, runtime);
  bus.handle(MAIL_DELIVER, async ({ outboxId }, job) => {
    await deliverOutboxMail(database, runtime, outboxId, { finalAttempt: job.retryCount >= MAIL_DELIVER.retryLimit });
  });
  if (transport) app.addHook('onClose', async () => transport.close());
  void app.register(mailRoutes, { database, tokens: runtime.tokens });
}

function transportOptions(smtp: SmtpSettings) {
  if ('url' in smtp) return smtp.url;
  return {
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    ...(smtp.user !== undefined ? { auth: { user: smtp.user, pass: smtp.password ?? '' } } : {}),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  };
}
