import { Type, type Static } from 'typebox';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Uuid = Type.String({ format: 'uuid' });
const DateTime = (description: string) => Type.String({ format: 'date-time', description });

export const RegistrationStatusSchema = Type.Union(
  [Type.Literal('registered'), Type.Literal('waiting'), Type.Literal('cancelled'), Type.Literal('attended')],
  { description: 'registered (holds a seat) · waiting (in line, see waitingPosition) · cancelled · attended (checked in)' },
);

export const RegistrationSchema = Type.Object(
  {
    id: Uuid,
    eventId: Uuid,
    entityId: Uuid,
    personId: Uuid,
    organizationId: Nullable(Uuid),
    status: RegistrationStatusSchema,
    waitingPosition: Nullable(Type.Integer({ minimum: 1, description: '1 = next to get a seat; null unless waiting' })),
    registeredAt: DateTime('When the contact registered'),
    confirmedAt: Nullable(DateTime('When the seat was given (at once or by promotion)')),
    checkedInAt: Nullable(DateTime('Check-in')),
    cancelledAt: Nullable(DateTime('Cancellation')),
    version: Type.Integer(),
    person: Nullable(
      Type.Object(
        { firstName: Nullable(Type.String()), lastName: Type.String(), email: Nullable(Type.String({ description: 'Primary address' })) },
        { description: 'The contact as you may see it (CRM); null when it belongs to a branch outside yours' },
      ),
    ),
  },
  { $id: 'EventRegistration' },
);
export type Registration = Static<typeof RegistrationSchema>;
/** A registration row without the contact's details (what the repository and the seat rules handle). */
export type RegistrationRecord = Omit<Registration, 'person'>;

export const CreateRegistrationSchema = Type.Object(
  {
    personId: Type.String({ format: 'uuid', description: 'The CRM contact who attends' }),
    organizationId: Type.Optional(Nullable(Type.String({ format: 'uuid', description: 'The company the contact comes for' }))),
  },
  { additionalProperties: false },
);
export type CreateRegistration = Static<typeof CreateRegistrationSchema>;

export const RegistrationParamsSchema = Type.Object({ id: Uuid, registrationId: Uuid });
