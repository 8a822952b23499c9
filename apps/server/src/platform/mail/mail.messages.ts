import { Type } from 'typebox';
import { defineMessage } from '../bus/index.js';

/** Delivers one outbox mail through SMTP; retried with exponential backoff (30 s, 1 min, 2 min…). */
export const MAIL_DELIVER = defineMessage({
  name: 'mail.deliver',
  schema: Type.Object({ outboxId: Type.String({ format: 'uuid' }) }),
  retryLimit: 6,
  retryDelay: 30,
  retryBackoff: true,
  expireInSeconds: 5 * 60,
});
