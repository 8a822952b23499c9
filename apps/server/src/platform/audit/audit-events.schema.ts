import { Type, type Static } from 'typebox';
import { Nullable, Timestamp, Uuid } from '@maillage/contracts';

export const AuditEventSchema = Type.Object(
  {
    id: Uuid(),
    occurredAt: Timestamp(),
    actorUserId: Nullable(Uuid({ description: 'Null for anonymous or system actions' })),
    actorName: Nullable(Type.String({ description: 'Display name of the acting user (even one homed outside your subtree); null for anonymous or system actions' })),
    entityId: Nullable(Uuid({ description: 'Null for network-wide events (visible to national auditors only)' })),
    action: Type.String({ description: '<module>.<resource>.<verb>, e.g. crm.organization.updated' }),
    resourceType: Type.String(),
    resourceId: Nullable(Type.String()),
    changes: Nullable(
      Type.Record(Type.String(), Type.Object({ before: Type.Unknown(), after: Type.Unknown() }), {
        description: 'Changed fields only; sensitive values read "[masked]"',
      }),
    ),
    requestId: Nullable(Type.String()),
    ip: Nullable(Type.String()),
    chainPosition: Nullable(Type.Integer({ description: 'Position in the tamper-evident hash chain; null until sealed (within about a minute)' })),
  },
  { $id: 'AuditEvent' },
);
export type AuditEvent = Static<typeof AuditEventSchema>;
