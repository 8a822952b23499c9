import { Type, type Static } from 'typebox';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const IsoDate = (description?: string) => Type.String({ format: 'date', ...(description ? { description } : {}) });
const Uuid = (description?: string) => Type.String({ format: 'uuid', ...(description ? { description } : {}) });

export const DEFAULT_REMINDER_OFFSETS = [30, 60];

export const CreateCampaignSchema = Type.Object(
  {
    entityId: Uuid('The entity renewing its members'),
    year: Type.Integer({ minimum: 2000, maximum: 2100, description: 'The dues year invoiced' }),
    issueDate: IsoDate('The run starts on this day (Europe/Paris); invoices carry the day they are actually issued'),
    dueDate: IsoDate('Due date of the renewal invoices'),
    reminderOffsets: Type.Optional(
      Type.Array(Type.Integer({ minimum: 1, maximum: 365 }), { minItems: 0, maxItems: 6, uniqueItems: true, description: 'Days after the due date for reminders (default 30 and 60)' }),
    ),
  },
  { additionalProperties: false },
);
export type CreateCampaign = Static<typeof CreateCampaignSchema>;

export const CampaignSchema = Type.Object(
  {
    id: Uuid(),
    entityId: Uuid(),
    year: Type.Integer(),
    issueDate: IsoDate(),
    dueDate: IsoDate(),
    reminderOffsets: Type.Array(Type.Integer()),
    status: Type.Union([Type.Literal('queued'), Type.Literal('running'), Type.Literal('completed')]),
    counts: Type.Object(
      {
        total: Type.Integer({ description: 'Members due when the last run started' }),
        issued: Type.Integer(),
        skipped: Type.Integer({ description: 'Free types, zero dues, memberships no longer live' }),
        failed: Type.Integer({ description: 'Retried when the campaign is launched again' }),
      },
      { description: 'Progress, readable while the run goes on' },
    ),
    failures: Type.Array(Type.Object({ membershipId: Uuid(), reason: Type.String() }), { description: 'The first 20 failures' }),
    runs: Type.Integer(),
    startedAt: Nullable(Type.String({ format: 'date-time' })),
    completedAt: Nullable(Type.String({ format: 'date-time' })),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'RenewalCampaign' },
);
export type Campaign = Static<typeof CampaignSchema>;
export const CampaignListSchema = Type.Object({ items: Type.Array(CampaignSchema) });
export const CampaignListQuerySchema = Type.Object({ entityId: Type.Optional(Uuid()), year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })) }, { additionalProperties: false });
export type CampaignListQuery = Static<typeof CampaignListQuerySchema>;
