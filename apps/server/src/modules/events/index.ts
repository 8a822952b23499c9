/**
 * Events module (issue 5): entity-owned events, registrations with a waiting list and automatic
 * promotion (ADR 0022), check-in, attendee export, the public iCalendar feed, CRM timeline entries.
 */
export { registerEvents } from './setup/register.js';
export { EVENT_PERMISSIONS } from './access/permissions.js';
export type { Event } from './catalogue/events.schema.js';
export type { Registration } from './registrations/registrations.schema.js';
export { EVENT_STATUSES, EVENT_VISIBILITIES, REGISTRATION_STATUSES, type EventStatus, type EventVisibility, type RegistrationStatus } from './catalogue/events.tables.js';

// For the CMS (cms-delivery): an entity's public, published events, read in the caller's transaction.
export { listPublicEvents, type PublicEvent, type PublicEventsOptions } from './public/public-events.js';

// Demo data (seed-steps.ts).
export { seedEventsDemo } from './demo/seed-events-demo.js';

// Dashboard (modules/dashboard): upcoming events and their fill rate.
export { eventStats, type EventStats, type UpcomingEventFigures } from './catalogue/event-stats.js';
