import { Type, type Static } from 'typebox';

const ProviderKindSchema = Type.Union([Type.Literal('extractive'), Type.Literal('openai-compatible')]);

export const EntityIdParamsSchema = Type.Object({ entityId: Type.String({ format: 'uuid' }) });

export const PutProviderSettingsSchema = Type.Object(
  {
    provider: ProviderKindSchema,
    baseUrl: Type.Optional(Type.String({ pattern: '^https?://', maxLength: 500, description: 'Chat Completions base URL, without /chat/completions' })),
    model: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    apiKey: Type.Optional(Type.String({ minLength: 1, maxLength: 500, description: 'Write-only; stored encrypted. Omit to keep the current key.' })),
    hostedOnPremises: Type.Optional(Type.Boolean({ description: 'The endpoint runs on infrastructure we operate: staff-only sources may be sent to it. Default false.' })),
  },
  { additionalProperties: false },
);
export type PutProviderSettings = Static<typeof PutProviderSettingsSchema>;

export const ProviderSettingsSchema = Type.Object(
  {
    entityId: Type.String({ format: 'uuid' }),
    provider: ProviderKindSchema,
    baseUrl: Type.Union([Type.String(), Type.Null()]),
    model: Type.Union([Type.String(), Type.Null()]),
    hasApiKey: Type.Boolean(),
    hostedOnPremises: Type.Boolean(),
    /** The entity whose settings apply (this one, an ancestor), or null for the server default. */
    definedAt: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
  },
  { $id: 'AiProviderSettings' },
);
export type ProviderSettings = Static<typeof ProviderSettingsSchema>;
