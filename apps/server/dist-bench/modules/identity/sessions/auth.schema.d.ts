import { Type } from 'typebox';
import type { GrantView } from '../grants/grants.repository.js';
export declare const LoginBody: Type.TObject<{
    email: Type.TString;
    password: Type.TString;
    totp: Type.TOptional<Type.TString>;
}>;
export declare const LoginResponse: Type.TObject<{
    user: Type.TObject<{
        id: Type.TString;
        email: Type.TString;
        displayName: Type.TString;
        status: Type.TUnion<[Type.TLiteral<"active">, Type.TLiteral<"deactivated">]>;
        homeEntityId: Type.TString;
        mfaEnabled: Type.TBoolean;
        mustChangePassword: Type.TBoolean;
        lastLoginAt: Type.TUnion<[Type.TString, Type.TNull]>;
        version: Type.TInteger;
        createdAt: Type.TString;
        updatedAt: Type.TString;
    }>;
    csrfToken: Type.TString;
}>;
export declare const GrantSchema: Type.TObject<{
    id: Type.TString;
    userId: Type.TString;
    role: Type.TObject<{
        id: Type.TString;
        code: Type.TString;
        name: Type.TString;
    }>;
    entity: Type.TObject<{
        id: Type.TString;
        code: Type.TString;
        name: Type.TString;
        kind: Type.TString;
    }>;
    createdAt: Type.TString;
}>;
export declare const EntitySummarySchema: Type.TObject<{
    id: Type.TString;
    parentId: Type.TUnion<[Type.TString, Type.TNull]>;
    code: Type.TString;
    kind: Type.TString;
    name: Type.TString;
}>;
export declare const MeResponse: Type.TObject<{
    user: Type.TObject<{
        id: Type.TString;
        email: Type.TString;
        displayName: Type.TString;
        status: Type.TUnion<[Type.TLiteral<"active">, Type.TLiteral<"deactivated">]>;
        homeEntityId: Type.TString;
        mfaEnabled: Type.TBoolean;
        mustChangePassword: Type.TBoolean;
        lastLoginAt: Type.TUnion<[Type.TString, Type.TNull]>;
        version: Type.TInteger;
        createdAt: Type.TString;
        updatedAt: Type.TString;
    }>;
    via: Type.TUnion<[Type.TLiteral<"session">, Type.TLiteral<"token">]>;
    permissions: Type.TArray<Type.TString>;
    grants: Type.TArray<Type.TObject<{
        id: Type.TString;
        userId: Type.TString;
        role: Type.TObject<{
            id: Type.TString;
            code: Type.TString;
            name: Type.TString;
        }>;
        entity: Type.TObject<{
            id: Type.TString;
            code: Type.TString;
            name: Type.TString;
            kind: Type.TString;
        }>;
        createdAt: Type.TString;
    }>>;
    entities: Type.TArray<Type.TObject<{
        id: Type.TString;
        parentId: Type.TUnion<[Type.TString, Type.TNull]>;
        code: Type.TString;
        kind: Type.TString;
        name: Type.TString;
    }>>;
}>;
export declare const ChangePasswordBody: Type.TObject<{
    currentPassword: Type.TString;
    newPassword: Type.TString;
}>;
export declare function toGrantDto(grant: GrantView): {
    createdAt: string;
    id: string;
    userId: string;
    role: {
        id: string;
        code: string;
        name: string;
    };
    entity: {
        id: string;
        code: string;
        name: string;
        kind: string;
    };
};
