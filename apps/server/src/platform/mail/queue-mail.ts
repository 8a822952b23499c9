import { newId, type Tx } from '../db/index.js';
import { MAIL_DELIVER } from './mail.messages.js';
import { insertOutboxRow, isUnsubscribed } from './mail-outbox.repository.js';
import { mailRuntimeOf } from './mail-runtime.js';
import { findMailTemplate, MailTemplateError, renderMailTemplate, type MailData } from './mail-templates.js';
import type { MailList, MailStatus } from './mail.tables.js';

export interface QueueMailInput {
  /** The entity the mail is sent for: its staff see it in their outbox. */
  entityId: string;
  /** One address. */
  to: string;
  template: string;
  /** Values of the template's placeholders (escaped when rendered). Ids and names, not secrets. */
  data: MailData;
  /** Required by list templates (newsletter…): who may leave which list through the link. */
  unsubscribeFor?: { personId: string; list: MailList };
}

export interface QueuedMail {
  id: string;
  status: MailStatus;
}

// Deliberately plain: one address, no display name, no line breaks (nothing to inject into headers).
const ADDRESS = /^[^\s@<>(),;:"\\]+@[^\s@<>(),;:"\\]+\.[^\s@<>(),;:"\\]+$/;

/**
 * Writes a mail to the outbox inside the caller's transaction, rendered from its template, and
 * queues its delivery with the same transaction: a rollback sends nothing. In embedded mode (no
 * SMTP configured) the mail is kept in the outbox for reading; a person who left the list gets
 * nothing (`suppressed`).
 */
export async function queueMail(tx: Tx, input: QueueMailInput): Promise<QueuedMail> {
  const template = findMailTemplate(input.template);
  if (!ADDRESS.test(input.to) || input.to.length > 320) throw new MailTemplateError(`Invalid recipient address for mail "${input.template}"`);
  if (template.kind === 'list' && !input.unsubscribeFor) throw new MailTemplateError(`List mail "${input.template}" needs unsubscribeFor`);
  if (template.kind === 'transactional' && input.unsubscribeFor) throw new MailTemplateError(`Transactional mail "${input.template}" has no unsubscribe link`);
  const runtime = mailRuntimeOf(tx);
  const id = newId();
  const unsubscribe = input.unsubscribeFor ?? null;
  const data: MailData = { ...input.data };
  if (unsubscribe) {
    const token = runtime?.tokens.sign(id) ?? 'indisponible';
    data.unsubscribeUrl = unsubscribeUrl(runtime?.publicUrl ?? '', token);
  }
  const rendered = renderMailTemplate(template, data);
  let status: MailStatus = runtime?.transport ? 'queued' : 'kept';
  if (unsubscribe && (await isUnsubscribed(tx, unsubscribe.personId, unsubscribe.list))) status = 'suppressed';
  await insertOutboxRow(tx, {
    id,
    entityId: input.entityId,
    template: template.name,
    toAddress: input.to.toLowerCase(),
    ...rendered,
    status,
    unsubscribePersonId: unsubscribe?.personId ?? null,
    unsubscribeList: unsubscribe?.list ?? null,
  });
  if (status === 'queued') await runtime!.bus.send(tx, MAIL_DELIVER, { outboxId: id });
  return { id, status };
}

export function unsubscribeUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/unsubscribe/${token}`;
}
