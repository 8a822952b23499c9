import { Type, type Static } from 'typebox';

// Schemas stay beside the module until the back-office needs them; then they move to @maillage/contracts.

const NullableString = (options: { minLength?: number; maxLength?: number; pattern?: string; format?: string; description?: string } = {}) =>
  Type.Union([Type.String(options), Type.Null()]);

export const EntityKindSchema = Type.Union(
  [Type.Literal('national'), Type.Literal('region'), Type.Literal('departement'), Type.Literal('federation'), Type.Literal('other')],
  { description: 'national office, région, département union, professional federation or other body' },
);

const Siren = { pattern: '^[0-9]{9}$', description: 'SIREN: 9 digits (Luhn-checked)' };

export const LegalIdentitySchema = Type.Object({
  siren: NullableString(Siren),
  legalName: NullableString({ minLength: 1, maxLength: 200 }),
});

export const AddressSchema = Type.Object({
  line: NullableString({ minLength: 1, maxLength: 200 }),
  postalCode: NullableString({ pattern: '^[0-9]{5}$', description: 'French postal code' }),
  city: NullableString({ minLength: 1, maxLength: 100 }),
});

export const ContactSchema = Type.Object({
  email: NullableString({ format: 'email', maxLength: 254 }),
  phone: NullableString({ pattern: '^\\+?[0-9 .()-]{6,20}$' }),
});

export const EntitySchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    kind: EntityKindSchema,
    code: Type.String({ description: '`FR`, `R84` (région), `69`, `2A`, `971` (département), `FED-…`' }),
    name: Type.String(),
    parentId: NullableString({ format: 'uuid' }),
    inseeCode: NullableString({ description: 'INSEE code of the région or département covered' }),
    legalIdentity: LegalIdentitySchema,
    address: AddressSchema,
    contact: ContactSchema,
    version: Type.Integer({ minimum: 1 }),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'Entity' },
);
export type Entity = Static<typeof EntitySchema>;

/** One node of `?view=tree`: the entity fields that draw the tree, with its children nested. */
export interface EntityTreeNode {
  id: string;
  kind: Entity['kind'];
  code: string;
  name: string;
  parentId: string | null;
  children: EntityTreeNode[];
}

const TreeNodeFields = {
  id: Type.String({ format: 'uuid' }),
  kind: EntityKindSchema,
  code: Type.String(),
  name: Type.String(),
  parentId: NullableString({ format: 'uuid' }),
};

/**
 * The tree has no fixed depth (national → région → département today; moves may nest deeper), so
 * the node schema refers to itself.
 */
export const EntityTreeNodeSchema = Type.Cyclic(
  { EntityTreeNode: Type.Object({ ...TreeNodeFields, children: Type.Array(Type.Ref('EntityTreeNode')) }) },
  'EntityTreeNode',
);

export const EntityTreeSchema = Type.Object({ items: Type.Array(EntityTreeNodeSchema) });

export const EntityIdParamsSchema = Type.Object({ id: Type.String({ format: 'uuid' }) });

/** JSON Merge Patch (RFC 7396): absent keys are kept, null clears a field. */
export const EntityPatchSchema = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 2, maxLength: 200 })),
    legalIdentity: Type.Optional(Type.Union([Type.Partial(LegalIdentitySchema, { additionalProperties: false }), Type.Null()])),
    address: Type.Optional(Type.Union([Type.Partial(AddressSchema, { additionalProperties: false }), Type.Null()])),
    contact: Type.Optional(Type.Union([Type.Partial(ContactSchema, { additionalProperties: false }), Type.Null()])),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type EntityPatch = Static<typeof EntityPatchSchema>;

export const CreateEntitySchema = Type.Object(
  {
    kind: Type.Union([Type.Literal('region'), Type.Literal('departement'), Type.Literal('federation'), Type.Literal('other')]),
    code: Type.String({ pattern: '^[A-Z0-9][A-Z0-9-]{0,19}$', description: 'Unique, upper case: letters, digits, dashes' }),
    name: Type.String({ minLength: 2, maxLength: 200 }),
    parentId: Type.String({ format: 'uuid' }),
    inseeCode: Type.Optional(NullableString({ maxLength: 5 })),
    legalIdentity: Type.Optional(Type.Partial(LegalIdentitySchema, { additionalProperties: false })),
    address: Type.Optional(Type.Partial(AddressSchema, { additionalProperties: false })),
    contact: Type.Optional(Type.Partial(ContactSchema, { additionalProperties: false })),
  },
  { additionalProperties: false },
);
export type CreateEntity = Static<typeof CreateEntitySchema>;

export const MoveEntitySchema = Type.Object({ parentId: Type.String({ format: 'uuid' }) }, { additionalProperties: false });
