import { Type, type Static } from 'typebox';

export const FieldErrorSchema = Type.Object(
  {
    pointer: Type.String({ description: 'JSON Pointer (RFC 6901) to the offending field' }),
    message: Type.String(),
  },
  { $id: 'FieldError' },
);

/** RFC 9457 problem details, with our stable `code` and the request id for support. */
export const ProblemSchema = Type.Object(
  {
    type: Type.String({ description: 'URI identifying the problem type: urn:maillage:problem:<code>' }),
    title: Type.String(),
    status: Type.Integer({ minimum: 400, maximum: 599 }),
    detail: Type.String(),
    instance: Type.String(),
    code: Type.String({ description: 'Stable machine-readable error code' }),
    requestId: Type.String(),
    errors: Type.Optional(Type.Array(FieldErrorSchema)),
  },
  { $id: 'Problem' },
);
export type Problem = Static<typeof ProblemSchema>;
