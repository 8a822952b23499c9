import { Type, type Static } from 'typebox';
import { EventDescriptionSchema } from './event-description.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const DateTime = (description: string) => Type.String({ format: 'date-time', description });
const Uuid = Type.String({ format: 'uuid' });

export const EventStatusSchema = Type.Union([Type.Literal('draft'), Type.Literal('published'), Type.Literal('cancelled')], {
  description: 'draft (not announced) → published (open to registrations within the window) → cancelled',
});
export const EventVisibilitySchema = Type.Union([Type.Literal('public'), Type.Literal('members')], {
  description: '`public`: in the iCalendar feed and on the entity site; `members`: back-office and members only',
});

export const PlaceSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200, description: 'Venue (salle, hôtel, CCI…)' }),
    address: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
    postalCode: Type.Optional(Nullable(Type.String({ pattern: '^[0-9][0-9AB][0-9]{3}$', description: 'French postal code' }))),
    commune: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  },
  { additionalProperties: false },
);

const PlaceOutSchema = Type.Object({
  name: Type.String(),
  address: Nullable(Type.String()),
  postalCode: Nullable(Type.String()),
  commune: Nullable(Type.String()),
});

const EventInput = {
  description: Type.Optional(Nullable(EventDescriptionSchema)),
  startsAt: DateTime('Start (UTC)'),
  endsAt: DateTime('End (UTC), after the start'),
  timezone: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'IANA time zone the event is announced in; Europe/Paris by default' })),
  place: Type.Optional(Nullable(PlaceSchema)),
  onlineUrl: Type.Optional(Nullable(Type.String({ format: 'uri', maxLength: 2000, pattern: '^https?://', description: 'Webinar / visio link' }))),
  capacity: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 1_000_000, description: 'Seats; null = unlimited' }))),
  priceCents: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000_000, description: 'Price in cents; 0 = free' })),
  currency: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217; EUR by default' })),
  visibility: Type.Optional(EventVisibilitySchema),
  status: Type.Optional(EventStatusSchema),
  registrationOpensAt: Type.Optional(Nullable(DateTime('Registrations open (none: immediately)'))),
  registrationClosesAt: Type.Optional(Nullable(DateTime('Registrations close (none: at the start)'))),
};

export const CreateEventSchema = Type.Object(
  {
    entityId: Type.String({ format: 'uuid', description: 'The organising entity' }),
    title: Type.String({ minLength: 1, maxLength: 200 }),
    ...EventInput,
  },
  { additionalProperties: false },
);
export type CreateEvent = Static<typeof CreateEventSchema>;

export const EventPatchSchema = Type.Object(
  {
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    ...EventInput,
    startsAt: Type.Optional(EventInput.startsAt),
    endsAt: Type.Optional(EventInput.endsAt),
  },
  {
    additionalProperties: false,
    minProperties: 1,
    description: 'JSON Merge Patch. Raising `capacity` promotes waiting registrations; lowering it below the seats taken is refused (422).',
  },
);
export type EventPatch = Static<typeof EventPatchSchema>;

export const EventSchema = Type.Object(
  {
    id: Uuid,
    entityId: Uuid,
    title: Type.String(),
    description: Nullable(EventDescriptionSchema),
    descriptionText: Nullable(Type.String({ description: 'The description as plain text (blocks separated by blank lines)' })),
    startsAt: DateTime('Start'),
    endsAt: DateTime('End'),
    timezone: Type.String(),
    place: Nullable(PlaceOutSchema),
    onlineUrl: Nullable(Type.String()),
    capacity: Nullable(Type.Integer({ description: 'null = unlimited' })),
    priceCents: Type.Integer(),
    currency: Type.String(),
    visibility: EventVisibilitySchema,
    status: EventStatusSchema,
    registrationOpensAt: Nullable(DateTime('Registrations open')),
    registrationClosesAt: Nullable(DateTime('Registrations close')),
    registeredCount: Type.Integer({ description: 'Seats taken (registered + attended)' }),
    waitingCount: Type.Integer({ description: 'Registrations on the waiting list' }),
    attendedCount: Type.Integer({ description: 'Checked-in attendees' }),
    version: Type.Integer(),
    createdAt: DateTime('Creation'),
    updatedAt: DateTime('Last change'),
  },
  { $id: 'Event' },
);
export type Event = Static<typeof EventSchema>;

export const EventIdParamsSchema = Type.Object({ id: Uuid });
