import { Type, type Static } from 'typebox';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const IsoDate = (description?: string) => Type.String({ format: 'date', ...(description ? { description } : {}) });
const Uuid = (description?: string) => Type.String({ format: 'uuid', ...(description ? { description } : {}) });

export const MembershipStatusSchema = Type.Union(
  [Type.Literal('pending'), Type.Literal('active'), Type.Literal('grace'), Type.Literal('lapsed'), Type.Literal('cancelled')],
  { description: 'pending until the join invoice is paid; grace: renewal unpaid after the period end; lapsed and cancelled are final' },
);
export const PeriodKindSchema = Type.Union([Type.Literal('calendar'), Type.Literal('anniversary')], {
  description: 'calendar: periods are calendar years; anniversary: a year from the join date',
});

export const IdParamsSchema = Type.Object({ id: Uuid() });

export const MembershipTypeSchema = Type.Object(
  { id: Uuid(), entityId: Uuid(), code: Type.String(), label: Type.String(), free: Type.Boolean({ description: 'Pays no dues (honoraire, gratuit…)' }), createdAt: Type.String({ format: 'date-time' }) },
  { $id: 'MembershipType' },
);
export type MembershipType = Static<typeof MembershipTypeSchema>;
export const MembershipTypeListSchema = Type.Object({ items: Type.Array(MembershipTypeSchema) });

export const CreateMembershipTypeSchema = Type.Object(
  {
    entityId: Uuid('The entity offering this member type'),
    code: Type.String({ pattern: '^[a-z][a-z0-9_-]{0,39}$', description: 'Stable code, e.g. standard, bienfaiteur, honoraire' }),
    label: Type.String({ minLength: 1, maxLength: 100 }),
    free: Type.Optional(Type.Boolean({ default: false })),
  },
  { additionalProperties: false },
);
export type CreateMembershipType = Static<typeof CreateMembershipTypeSchema>;
export const TypeListQuerySchema = Type.Object({ entityId: Type.Optional(Uuid()) }, { additionalProperties: false });

const StatusChangeSchema = Type.Object({
  fromStatus: Nullable(MembershipStatusSchema),
  toStatus: MembershipStatusSchema,
  effectiveOn: IsoDate(),
  periodStart: IsoDate(),
  periodEnd: IsoDate(),
  reason: Type.String(),
  changedBy: Nullable(Uuid()),
  createdAt: Type.String({ format: 'date-time' }),
});
export type StatusChange = Static<typeof StatusChangeSchema>;

export const MembershipSchema = Type.Object(
  {
    id: Uuid(),
    entityId: Uuid(),
    organizationId: Uuid(),
    organizationName: Type.String({ description: "The member company's name (its public identity in the CRM)" }),
    type: Type.Object({ id: Uuid(), code: Type.String(), label: Type.String(), free: Type.Boolean() }),
    status: MembershipStatusSchema,
    periodKind: PeriodKindSchema,
    startedOn: IsoDate(),
    currentPeriodStart: IsoDate(),
    currentPeriodEnd: IsoDate(),
    tacitRenewal: Type.Boolean(),
    graceDays: Type.Integer(),
    joinInvoiceId: Nullable(Uuid()),
    billingEmail: Nullable(Type.String()),
    cancelledOn: Nullable(IsoDate()),
    cancellationReason: Nullable(Type.String()),
    version: Type.Integer(),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'Membership' },
);
/** As the API shows it: with the company's name. */
export type MembershipView = Static<typeof MembershipSchema>;
/** As the rules use it (stored columns and type). */
export type Membership = Omit<MembershipView, 'organizationName'>;
export const MembershipDetailSchema = Type.Intersect([MembershipSchema, Type.Object({ history: Type.Array(StatusChangeSchema) })], { $id: 'MembershipDetail' });
export type MembershipDetail = Static<typeof MembershipDetailSchema>;

export const CreateMembershipSchema = Type.Object(
  {
    organizationId: Uuid('The member company (CRM)'),
    entityId: Uuid('The entity it joins (departmental union, federation)'),
    typeId: Uuid('A member type of that entity'),
    startedOn: IsoDate('Join date; the first period starts then'),
    periodKind: Type.Optional(PeriodKindSchema),
    tacitRenewal: Type.Optional(Type.Boolean({ default: true, description: 'Open-ended: renewed tacitly each period' })),
    graceDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 366, default: 60, description: 'Days after a period starts before an unpaid renewal lapses' })),
    billingEmail: Type.Optional(Nullable(Type.String({ format: 'email', maxLength: 254, description: 'Where renewal reminders are mailed' }))),
    joinInvoice: Type.Optional(
      Type.Object(
        { dueDate: IsoDate('Due date of the join invoice') },
        { additionalProperties: false, description: "Issue the join invoice now, for the dues of the join year's schedule (pro rata if it says so)" },
      ),
    ),
  },
  { additionalProperties: false },
);
export type CreateMembership = Static<typeof CreateMembershipSchema>;

export const CancelMembershipSchema = Type.Object(
  { cancelledOn: Type.Optional(IsoDate('Defaults to today')), reason: Type.String({ minLength: 1, maxLength: 500 }) },
  { additionalProperties: false },
);
export type CancelMembership = Static<typeof CancelMembershipSchema>;

/** What other modules (AI member_status tool, dashboards) read about a company's live memberships. */
export interface ActiveMembership {
  id: string;
  organizationId: string;
  entityId: string;
  entityName: string;
  typeCode: string;
  typeLabel: string;
  status: 'active' | 'grace';
  currentPeriodStart: string;
  currentPeriodEnd: string;
}

export const ActiveMembershipSchema = Type.Object(
  {
    id: Uuid(),
    organizationId: Uuid('The company whose membership covers the contact'),
    entityId: Uuid(),
    entityName: Type.String(),
    typeCode: Type.String(),
    typeLabel: Type.String(),
    status: Type.Union([Type.Literal('active'), Type.Literal('grace')]),
    currentPeriodStart: IsoDate(),
    currentPeriodEnd: IsoDate(),
  },
  { $id: 'ActiveMembership' },
);
export const PersonMembershipListSchema = Type.Object({ items: Type.Array(ActiveMembershipSchema) }, { $id: 'PersonMembershipList' });
