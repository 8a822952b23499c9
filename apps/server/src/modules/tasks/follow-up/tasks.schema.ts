import { Type, type Static } from 'typebox';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const TaskStatusSchema = Type.Union([Type.Literal('open'), Type.Literal('done'), Type.Literal('cancelled')], {
  description: 'open → done or cancelled (and back to open if needed)',
});

export const TaskSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    entityId: Type.String({ format: 'uuid' }),
    title: Type.String(),
    dueOn: Type.String({ format: 'date' }),
    status: TaskStatusSchema,
    assigneeUserId: Nullable(Type.String({ format: 'uuid' })),
    relatedTo: Type.Object({ kind: Type.String({ description: 'e.g. `mandate`' }), id: Type.String({ format: 'uuid' }) }),
    closedAt: Nullable(Type.String({ format: 'date-time' })),
    version: Type.Integer(),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'Task', description: 'A follow-up task of an entity’s staff.' },
);
export type Task = Static<typeof TaskSchema>;

export const TaskPatchSchema = Type.Object(
  {
    status: Type.Optional(TaskStatusSchema),
    assigneeUserId: Type.Optional(Nullable(Type.String({ format: 'uuid', description: 'A user of the network; null unassigns' }))),
  },
  { additionalProperties: false, description: 'JSON Merge Patch: status and/or assignee' },
);
export type TaskPatch = Static<typeof TaskPatchSchema>;

export const TaskIdParamsSchema = Type.Object({ id: Type.String({ format: 'uuid' }) });
