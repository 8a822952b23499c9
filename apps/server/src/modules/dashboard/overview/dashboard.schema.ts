import { Type, type Static } from 'typebox';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Count = Type.Integer({ minimum: 0 });
const Rate = Nullable(Type.Number({ minimum: 0, description: 'Ratio (0.85 = 85 %); null when the denominator is 0' }));

export const DashboardQuerySchema = Type.Object(
  { entityId: Type.Optional(Type.String({ format: 'uuid', description: 'An entity of the caller’s scope (the branch switcher): figures of it and its sub-entities. Default: everything the caller may see.' })) },
  { additionalProperties: false },
);
export type DashboardQuery = Static<typeof DashboardQuerySchema>;

const RenewalSchema = Type.Object({
  year: Type.Integer(),
  due: Type.Integer({ minimum: 0, description: 'Members the year’s renewal campaign invoiced' }),
  renewed: Type.Integer({ minimum: 0, description: 'Those whose renewal invoice is paid in full' }),
  rate: Rate,
});

const UpcomingEventSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  entityId: Type.String({ format: 'uuid' }),
  title: Type.String(),
  startsAt: Type.String({ format: 'date-time' }),
  capacity: Nullable(Type.Integer({ minimum: 0, description: 'null: unlimited' })),
  seatsTaken: Count,
  waiting: Count,
  fillRate: Rate,
});

export const DashboardSchema = Type.Object(
  {
    entityId: Nullable(Type.String({ format: 'uuid', description: 'The entity asked for; null: the caller’s whole scope' })),
    year: Type.Integer({ description: 'The current year (Europe/Paris)' }),
    asOf: Type.String({ format: 'date', description: 'Today (Europe/Paris)' }),
    members: Type.Object({
      active: Type.Integer({ minimum: 0, description: 'Live memberships: active or in grace' }),
      byStatus: Type.Object({ pending: Count, active: Count, grace: Count, lapsed: Count, cancelled: Count }),
    }),
    renewals: Type.Array(RenewalSchema, { description: 'The previous year, then the current year' }),
    dues: Type.Object({
      year: Type.Integer(),
      currency: Type.Literal('EUR'),
      invoicedCents: Type.Integer({ description: 'Dues invoices (series COT) issued this year, net of credit notes' }),
      collectedCents: Type.Integer({ description: 'Paid against them' }),
      collectionRate: Rate,
      overdueCents: Type.Integer({ description: 'Unpaid balance of every issued invoice past its due date' }),
    }),
    events: Type.Object({
      from: Type.String({ format: 'date-time' }),
      to: Type.String({ format: 'date-time' }),
      upcomingCount: Type.Integer({ minimum: 0, description: 'Published events starting in the window' }),
      seatsTaken: Type.Integer({ minimum: 0, description: 'Seats taken in those with a capacity' }),
      seatsOffered: Type.Integer({ minimum: 0 }),
      fillRate: Rate,
      next: Type.Array(UpcomingEventSchema, { description: 'The first ten, soonest first' }),
    }),
    mandates: Type.Object({
      endingSoonDays: Type.Integer({ description: 'The expiry notice window (days)' }),
      endingSoon: Type.Integer({ minimum: 0, description: 'Active mandates ending within it' }),
      endingByMonth: Type.Array(Type.Object({ month: Type.String({ pattern: '^[0-9]{4}-[0-9]{2}$' }), count: Count }), { description: 'The next twelve months, this one first' }),
    }),
  },
  { $id: 'Dashboard', description: 'Key figures of an entity and its sub-entities (or the caller’s whole scope).' },
);
export type Dashboard = Static<typeof DashboardSchema>;
