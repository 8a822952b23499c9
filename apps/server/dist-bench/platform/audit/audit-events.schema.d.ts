import { Type, type Static } from 'typebox';
export declare const AuditEventSchema: Type.TObject<{
    id: Type.TString;
    occurredAt: Type.TString;
    actorUserId: Type.TUnion<[Type.TString, Type.TNull]>;
    entityId: Type.TUnion<[Type.TString, Type.TNull]>;
    action: Type.TString;
    resourceType: Type.TString;
    resourceId: Type.TUnion<[Type.TString, Type.TNull]>;
    changes: Type.TUnion<[Type.TRecord<"^.*$", Type.TObject<{
        before: Type.TUnknown;
        after: Type.TUnknown;
    }>>, Type.TNull]>;
    requestId: Type.TUnion<[Type.TString, Type.TNull]>;
    ip: Type.TUnion<[Type.TString, Type.TNull]>;
    chainPosition: Type.TUnion<[Type.TInteger, Type.TNull]>;
}>;
export type AuditEvent = Static<typeof AuditEventSchema>;
