import { Type } from 'typebox';
const KEY = '^[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*$';
const VariantName = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' });
const Variants = Type.Record(Type.String(), Type.Unknown(), {
    description: 'Variant name → value served (boolean, string, number or object). Boolean flags always have on: true and off: false.',
});
export const FlagRuleSchema = Type.Object({
    entityIds: Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { minItems: 1, maxItems: 200, description: 'Matches these entities and everything below them.' })),
    roles: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { minItems: 1, maxItems: 50, description: 'Role codes; any one matches.' })),
    percentage: Type.Optional(Type.Number({ minimum: 0, maximum: 100, description: 'Share of users, bucketed by a stable hash of user id and flag key.' })),
    variant: VariantName,
}, { additionalProperties: false, $id: 'FlagRule', description: 'Every condition given must hold; the first matching rule decides.' });
export const FeatureFlagSchema = Type.Object({
    key: Type.String(),
    description: Type.String(),
    kind: Type.Union([Type.Literal('boolean'), Type.Literal('variant')]),
    variants: Variants,
    defaultVariant: Type.String(),
    rules: Type.Array(FlagRuleSchema),
    enabled: Type.Boolean({ description: 'false: everyone gets the default variant (kill switch).' }),
    version: Type.Integer({ minimum: 1 }),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
}, { $id: 'FeatureFlag' });
export const FeatureFlagListSchema = Type.Object({ items: Type.Array(FeatureFlagSchema) }, { $id: 'FeatureFlagList' });
export const CreateFeatureFlagSchema = Type.Object({
    key: Type.String({ minLength: 1, maxLength: 100, pattern: KEY, description: 'e.g. crm.new-search; never reused.' }),
    description: Type.String({ maxLength: 500, default: '' }),
    kind: Type.Union([Type.Literal('boolean'), Type.Literal('variant')]),
    variants: Type.Optional(Variants),
    defaultVariant: VariantName,
    rules: Type.Array(FlagRuleSchema, { maxItems: 100, default: [] }),
    enabled: Type.Boolean({ default: true }),
}, { additionalProperties: false });
export const FeatureFlagPatchSchema = Type.Object({
    description: Type.Optional(Type.String({ maxLength: 500 })),
    variants: Type.Optional(Variants),
    defaultVariant: Type.Optional(VariantName),
    rules: Type.Optional(Type.Array(FlagRuleSchema, { maxItems: 100 })),
    enabled: Type.Optional(Type.Boolean()),
}, { additionalProperties: false, description: 'JSON Merge Patch: send only what changes. The kind cannot change.' });
export const FlagKeyParamsSchema = Type.Object({ key: Type.String({ maxLength: 100, pattern: KEY }) });
export const MyFlagsQuerySchema = Type.Object({ entityId: Type.Optional(Type.String({ format: 'uuid', description: 'The entity the user works for; targeting by entity and role uses it.' })) }, { additionalProperties: false });
export const EvaluatedFlagListSchema = Type.Object({
    items: Type.Array(Type.Object({
        key: Type.String(),
        value: Type.Unknown(),
        variant: Type.String(),
        reason: Type.Union([Type.Literal('DISABLED'), Type.Literal('TARGETING_MATCH'), Type.Literal('SPLIT'), Type.Literal('DEFAULT')]),
    })),
}, { $id: 'EvaluatedFlagList' });
//# sourceMappingURL=feature-flags.schema.js.map