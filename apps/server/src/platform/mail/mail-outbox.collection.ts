import { defineCollection } from '../http/collection.js';
import { MAIL_STATUSES, mailOutbox } from './mail.tables.js';

/** Filters, sort and paging of `GET /api/v1/mail/outbox`. */
export const outboxCollection = defineCollection({
  name: 'mailOutbox',
  id: mailOutbox.id,
  fields: {
    status: { column: mailOutbox.status, type: 'enum', values: MAIL_STATUSES, filter: ['eq', 'in'], description: 'Delivery status' },
    entityId: { column: mailOutbox.entityId, type: 'uuid', filter: ['eq', 'in'], description: 'Sending entity' },
    template: { column: mailOutbox.template, type: 'string', filter: ['eq'], description: 'Template name' },
    to: { column: mailOutbox.toAddress, type: 'string', filter: ['eq', 'contains'], description: 'Recipient address' },
    createdAt: { column: mailOutbox.createdAt, type: 'date-time', filter: ['gte', 'lte'], sort: true, description: 'Queued at' },
  },
  defaultSort: '-createdAt',
  defaultLimit: 50,
});
