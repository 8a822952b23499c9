import { Type } from 'typebox';
import type { RoleRecord } from './roles.repository.js';
export declare const PermissionSchema: Type.TObject<{
    name: Type.TString;
    description: Type.TString;
    category: Type.TUnion<[Type.TLiteral<"business">, Type.TLiteral<"administration">, Type.TLiteral<"platform">]>;
    access: Type.TUnion<[Type.TLiteral<"read">, Type.TLiteral<"write">]>;
}>;
export declare const RoleSchema: Type.TObject<{
    id: Type.TString;
    code: Type.TString;
    name: Type.TString;
    description: Type.TString;
    permissions: Type.TArray<Type.TString>;
    system: Type.TBoolean;
    version: Type.TInteger;
    createdAt: Type.TString;
    updatedAt: Type.TString;
}>;
export declare const RoleIdParams: Type.TObject<{
    id: Type.TString;
}>;
export declare const CreateRoleBody: Type.TObject<{
    code: Type.TString;
    name: Type.TString;
    description: Type.TOptional<Type.TString>;
    permissions: Type.TArray<Type.TString>;
}>;
export declare const PatchRoleBody: Type.TObject<{
    name: Type.TOptional<Type.TString>;
    description: Type.TOptional<Type.TString>;
    permissions: Type.TOptional<Type.TArray<Type.TString>>;
}>;
export declare function toRoleDto(role: RoleRecord): {
    createdAt: string;
    updatedAt: string;
    id: string;
    code: string;
    name: string;
    description: string;
    permissions: string[];
    system: boolean;
    version: number;
};
