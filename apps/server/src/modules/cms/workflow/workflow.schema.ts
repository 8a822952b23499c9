import { Type, type Static } from 'typebox';

export const ApproveSchema = Type.Object(
  {
    publishAt: Type.Optional(
      Type.Union([Type.String({ format: 'date-time' }), Type.Null()], { description: 'Publish later (the item is `scheduled`); now when absent or in the past' }),
    ),
  },
  { additionalProperties: false },
);
export type Approve = Static<typeof ApproveSchema>;

export const RequestChangesSchema = Type.Object(
  { comment: Type.Optional(Type.String({ maxLength: 2000, description: 'Why (kept in the audit trail)' })) },
  { additionalProperties: false },
);
export type RequestChanges = Static<typeof RequestChangesSchema>;

export const WORKFLOW_ACTIONS = ['submit', 'approve', 'request-changes', 'unpublish', 'archive'] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];
