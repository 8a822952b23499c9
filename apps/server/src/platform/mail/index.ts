/** Outgoing mail (ADR 0021, docs/mail.md): outbox written in the caller's transaction, SMTP delivery job, embedded mode. */
export { queueMail, type QueueMailInput, type QueuedMail } from './queue-mail.js';
export { registerMailTemplate, MailTemplateError, type MailTemplate, type MailData, type RenderedMail } from './mail-templates.js';
export { onUnsubscribe, type UnsubscribeListener } from './unsubscribe-listeners.js';
export type { UnsubscribeClaim } from './unsubscribe-token.js';
export { MAIL_LISTS, MAIL_STATUSES, type MailList, type MailStatus } from './mail.tables.js';
export { MAIL_PERMISSIONS } from './permissions.js';
export { MAIL_DELIVER } from './mail.messages.js';
export { registerMail } from './register-mail.js';
