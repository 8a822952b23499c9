import { Type } from 'typebox';
export declare const FlagRuleSchema: Type.TObject<{
    entityIds: Type.TOptional<Type.TArray<Type.TString>>;
    roles: Type.TOptional<Type.TArray<Type.TString>>;
    percentage: Type.TOptional<Type.TNumber>;
    variant: Type.TString;
}>;
export declare const FeatureFlagSchema: Type.TObject<{
    key: Type.TString;
    description: Type.TString;
    kind: Type.TUnion<[Type.TLiteral<"boolean">, Type.TLiteral<"variant">]>;
    variants: Type.TRecord<"^.*$", Type.TUnknown>;
    defaultVariant: Type.TString;
    rules: Type.TArray<Type.TObject<{
        entityIds: Type.TOptional<Type.TArray<Type.TString>>;
        roles: Type.TOptional<Type.TArray<Type.TString>>;
        percentage: Type.TOptional<Type.TNumber>;
        variant: Type.TString;
    }>>;
    enabled: Type.TBoolean;
    version: Type.TInteger;
    createdAt: Type.TString;
    updatedAt: Type.TString;
}>;
export declare const FeatureFlagListSchema: Type.TObject<{
    items: Type.TArray<Type.TObject<{
        key: Type.TString;
        description: Type.TString;
        kind: Type.TUnion<[Type.TLiteral<"boolean">, Type.TLiteral<"variant">]>;
        variants: Type.TRecord<"^.*$", Type.TUnknown>;
        defaultVariant: Type.TString;
        rules: Type.TArray<Type.TObject<{
            entityIds: Type.TOptional<Type.TArray<Type.TString>>;
            roles: Type.TOptional<Type.TArray<Type.TString>>;
            percentage: Type.TOptional<Type.TNumber>;
            variant: Type.TString;
        }>>;
        enabled: Type.TBoolean;
        version: Type.TInteger;
        createdAt: Type.TString;
        updatedAt: Type.TString;
    }>>;
}>;
export declare const CreateFeatureFlagSchema: Type.TObject<{
    key: Type.TString;
    description: Type.TString;
    kind: Type.TUnion<[Type.TLiteral<"boolean">, Type.TLiteral<"variant">]>;
    variants: Type.TOptional<Type.TRecord<"^.*$", Type.TUnknown>>;
    defaultVariant: Type.TString;
    rules: Type.TArray<Type.TObject<{
        entityIds: Type.TOptional<Type.TArray<Type.TString>>;
        roles: Type.TOptional<Type.TArray<Type.TString>>;
        percentage: Type.TOptional<Type.TNumber>;
        variant: Type.TString;
    }>>;
    enabled: Type.TBoolean;
}>;
export declare const FeatureFlagPatchSchema: Type.TObject<{
    description: Type.TOptional<Type.TString>;
    variants: Type.TOptional<Type.TRecord<"^.*$", Type.TUnknown>>;
    defaultVariant: Type.TOptional<Type.TString>;
    rules: Type.TOptional<Type.TArray<Type.TObject<{
        entityIds: Type.TOptional<Type.TArray<Type.TString>>;
        roles: Type.TOptional<Type.TArray<Type.TString>>;
        percentage: Type.TOptional<Type.TNumber>;
        variant: Type.TString;
    }>>>;
    enabled: Type.TOptional<Type.TBoolean>;
}>;
export declare const FlagKeyParamsSchema: Type.TObject<{
    key: Type.TString;
}>;
export declare const MyFlagsQuerySchema: Type.TObject<{
    entityId: Type.TOptional<Type.TString>;
}>;
export declare const EvaluatedFlagListSchema: Type.TObject<{
    items: Type.TArray<Type.TObject<{
        key: Type.TString;
        value: Type.TUnknown;
        variant: Type.TString;
        reason: Type.TUnion<[Type.TLiteral<"DISABLED">, Type.TLiteral<"TARGETING_MATCH">, Type.TLiteral<"SPLIT">, Type.TLiteral<"DEFAULT">]>;
    }>>;
}>;
