import { defineCollection } from '../../../platform/http/collection.js';
import { eventRegistrations, REGISTRATION_STATUSES } from '../catalogue/events.tables.js';

/** `GET /api/v1/events/{id}/registrations` (JSON pages or the attendee CSV). */
export const registrationCollection = defineCollection({
  name: 'eventRegistrations',
  id: eventRegistrations.id,
  fields: {
    status: { column: eventRegistrations.status, type: 'enum', values: REGISTRATION_STATUSES, filter: ['eq', 'in'], description: 'Status' },
    personId: { column: eventRegistrations.personId, type: 'uuid', filter: ['eq'], description: 'Contact' },
    organizationId: { column: eventRegistrations.organizationId, type: 'uuid', filter: ['eq'], description: 'Company' },
    registeredAt: { column: eventRegistrations.registeredAt, type: 'date-time', filter: ['gte', 'lte'], sort: true, description: 'Registration time' },
  },
  defaultSort: 'registeredAt',
  defaultLimit: 100,
  maxLimit: 500,
});
