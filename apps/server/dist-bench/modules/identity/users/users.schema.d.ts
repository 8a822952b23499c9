import { Type, type Static } from 'typebox';
import type { UserRecord } from './users.repository.js';
export declare const UserSchema: Type.TObject<{
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
export type UserDto = Static<typeof UserSchema>;
export declare const UserIdParams: Type.TObject<{
    id: Type.TString;
}>;
export declare const UserListQuerySchema: Type.TObject<{
    limit: Type.TInteger;
    cursor: Type.TOptional<Type.TString>;
    status: Type.TOptional<Type.TUnion<[Type.TLiteral<"active">, Type.TLiteral<"deactivated">]>>;
    search: Type.TOptional<Type.TString>;
}>;
export declare const UserListSchema: Type.TObject<{
    items: Type.TArray<Type.TObject<{
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
    }>>;
    nextCursor: Type.TUnion<[Type.TString, Type.TNull]>;
}>;
export declare const CreateUserBody: Type.TObject<{
    email: Type.TString;
    displayName: Type.TString;
    homeEntityId: Type.TString;
    password: Type.TOptional<Type.TString>;
}>;
export declare const CreatedUserSchema: Type.TObject<{
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
    temporaryPassword: Type.TOptional<Type.TString>;
}>;
export declare const PatchUserBody: Type.TObject<{
    displayName: Type.TOptional<Type.TString>;
    status: Type.TOptional<Type.TUnion<[Type.TLiteral<"active">, Type.TLiteral<"deactivated">]>>;
    homeEntityId: Type.TOptional<Type.TString>;
}>;
export declare function toUserDto(user: UserRecord): UserDto;
