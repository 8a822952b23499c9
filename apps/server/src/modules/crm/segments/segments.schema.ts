import { Type, type Static } from 'typebox';
import { SEGMENT_TARGETS } from './segments.tables.js';

const Uuid = Type.String({ format: 'uuid' });

export const SegmentTargetSchema = Type.Union(
  [Type.Literal(SEGMENT_TARGETS[0]), Type.Literal(SEGMENT_TARGETS[1])],
  { description: 'The list the segment selects from: `organizations` (GET /api/v1/organizations) or `persons` (GET /api/v1/persons)' },
);

export const SegmentFilterSchema = Type.Record(Type.String({ maxLength: 100 }), Type.Union([Type.String({ maxLength: 4096 }), Type.Number(), Type.Boolean()]), {
  maxProperties: 30,
  description:
    'The filter parameters of the target list, exactly as in its querystring: `{"filter[departementCode][in]": "69,01", "filter[status]": "member"}`. ' +
    'Unknown fields or operators and invalid values are refused with 422 and a pointer to the key.',
});

export const SegmentSchema = Type.Object(
  {
    id: Uuid,
    entityId: Uuid,
    name: Type.String(),
    target: SegmentTargetSchema,
    filter: SegmentFilterSchema,
    createdBy: Type.Union([Uuid, Type.Null()]),
    version: Type.Integer({ minimum: 1 }),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'Segment' },
);
export type Segment = Static<typeof SegmentSchema>;

const Name = Type.String({ minLength: 1, maxLength: 200 });

export const CreateSegmentSchema = Type.Object(
  {
    entityId: Type.Optional(Type.String({ format: 'uuid', description: 'The owning entity; required when you act on several' })),
    name: Name,
    target: SegmentTargetSchema,
    filter: SegmentFilterSchema,
  },
  { additionalProperties: false },
);
export type CreateSegment = Static<typeof CreateSegmentSchema>;

export const SegmentPatchSchema = Type.Object(
  {
    name: Type.Optional(Name),
    filter: Type.Optional(
      Type.Record(Type.String({ maxLength: 100 }), Type.Union([Type.String({ maxLength: 4096 }), Type.Number(), Type.Boolean(), Type.Null()]), {
        maxProperties: 30,
        description: 'Keys to add or change in the filter; a key set to null is removed from it',
      }),
    ),
  },
  { additionalProperties: false, minProperties: 1, description: 'JSON Merge Patch' },
);
export type SegmentPatch = Static<typeof SegmentPatchSchema>;

export const SegmentIdParamsSchema = Type.Object({ id: Uuid });

export const SegmentCountSchema = Type.Object(
  {
    segmentId: Uuid,
    target: SegmentTargetSchema,
    count: Type.Integer({ minimum: 0, description: 'Members visible to you right now' }),
  },
  { $id: 'SegmentCount' },
);

export const SegmentMembersQuerySchema = Type.Object(
  {
    sort: Type.Optional(Type.String({ maxLength: 200, description: "The target list's sort keys (see its `sort` parameter)" })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, description: 'Page size' })),
    cursor: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_-]+$', maxLength: 4096, description: 'nextCursor of the previous page' })),
    count: Type.Optional(Type.Union([Type.Literal('exact'), Type.Literal('estimated'), Type.Literal('none')])),
  },
  { additionalProperties: false },
);
export type SegmentMembersQuery = Static<typeof SegmentMembersQuerySchema>;
