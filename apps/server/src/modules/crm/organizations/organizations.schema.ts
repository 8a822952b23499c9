import { Type, type Static } from 'typebox';
import { LINK_STATUSES } from './organizations.tables.js';

// Identifiers arrive as loose strings on purpose: the CRM rules (parseSiren, parseNafCode,
// resolveCommune…) then answer in French with the exact reason, which a bare regex cannot.

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

const HEADCOUNT_BANDS = ['00', '01', '02', '03', '11', '12', '21', '22', '31', '32', '41', '42', '51', '52', '53'] as const;

export const LinkStatusSchema = Type.Union(
  [Type.Literal(LINK_STATUSES[0]), Type.Literal(LINK_STATUSES[1]), Type.Literal(LINK_STATUSES[2])],
  { description: 'The relation of the entity with the company: prospect, member, former_member' },
);

const Tags = Type.Array(Type.String({ minLength: 1, maxLength: 50 }), { maxItems: 30, uniqueItems: true });

export const OrganizationLinkSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    organizationId: Type.String({ format: 'uuid' }),
    entityId: Type.String({ format: 'uuid' }),
    status: LinkStatusSchema,
    tags: Type.Array(Type.String()),
    attachedBy: Type.Union([Type.Literal('derived'), Type.Literal('manual')], {
      description: '`derived`: the union of the commune\'s département, chosen at creation; `manual`: chosen by staff',
    }),
    version: Type.Integer({ minimum: 1 }),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'OrganizationLink' },
);
export type OrganizationLink = Static<typeof OrganizationLinkSchema>;

export const OrganizationAddressSchema = Type.Object({
  street: Nullable(Type.String()),
  postalCode: Nullable(Type.String()),
  communeInsee: Nullable(Type.String({ description: 'INSEE (COG) code of the commune' })),
  communeName: Nullable(Type.String()),
  departementCode: Nullable(Type.String({ description: '`01`…`95`, `2A`, `2B`, `971`…`978`' })),
});

export const OrganizationSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    siren: Type.String({ pattern: '^[0-9]{9}$' }),
    name: Type.String(),
    legalName: Nullable(Type.String()),
    nafCode: Nullable(Type.String({ description: 'APE code in display form (62.01Z)' })),
    nafVersion: Nullable(Type.String({ description: 'Classification of nafCode: NAF_REV2' })),
    legalForm: Nullable(Type.String({ description: 'INSEE catégorie juridique (4 digits)' })),
    headcountBand: Nullable(Type.String({ description: 'INSEE tranche d\'effectif salarié code' })),
    address: OrganizationAddressSchema,
    website: Nullable(Type.String()),
    phone: Nullable(Type.String({ description: 'E.164' })),
    version: Type.Integer({ minimum: 1 }),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
    links: Type.Array(OrganizationLinkSchema, {
      description: 'The links of the entities you may read (yours and your subtree\'s); other branches\' links are never shown.',
    }),
  },
  { $id: 'Organization' },
);
export type Organization = Static<typeof OrganizationSchema>;
export type OrganizationIdentity = Omit<Organization, 'links'>;

const AddressInput = Type.Object(
  {
    street: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 200 }))),
    postalCode: Type.Optional(Nullable(Type.String({ maxLength: 20 }))),
    communeName: Type.Optional(Nullable(Type.String({ maxLength: 100, description: 'Needed when the postal code serves several communes' }))),
  },
  { additionalProperties: false },
);

const IdentityInput = {
  legalName: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 200 }))),
  nafCode: Type.Optional(Nullable(Type.String({ maxLength: 20, description: 'NAF rév. 2 sous-classe: 62.01Z or 6201Z' }))),
  legalForm: Type.Optional(Nullable(Type.String({ pattern: '^[0-9]{4}$', description: 'INSEE catégorie juridique (4 digits)' }))),
  headcountBand: Type.Optional(Nullable(Type.String({ enum: [...HEADCOUNT_BANDS], description: 'INSEE tranche d\'effectif code (00, 01, 02, 03, 11 … 53)' }))),
  address: Type.Optional(Nullable(AddressInput)),
  website: Type.Optional(Nullable(Type.String({ pattern: '^https?://[^\\s]+$', maxLength: 200 }))),
  phone: Type.Optional(Nullable(Type.String({ maxLength: 30 }))),
};

export const CreateOrganizationSchema = Type.Object(
  {
    siren: Type.String({ maxLength: 30, description: 'SIREN, 9 digits (spaces accepted), Luhn-checked' }),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    ...IdentityInput,
  },
  { additionalProperties: false },
);
export type CreateOrganization = Static<typeof CreateOrganizationSchema>;

/** JSON Merge Patch of the public identity. The SIREN is the identity itself: another SIREN is another company. */
export const OrganizationPatchSchema = Type.Object(
  { name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })), ...IdentityInput },
  { additionalProperties: false, minProperties: 1 },
);
export type OrganizationPatch = Static<typeof OrganizationPatchSchema>;

export const CreateLinkSchema = Type.Object(
  {
    entityId: Type.String({ format: 'uuid', description: 'One of the entities you may act on' }),
    status: Type.Optional(LinkStatusSchema),
    tags: Type.Optional(Tags),
  },
  { additionalProperties: false },
);
export type CreateLink = Static<typeof CreateLinkSchema>;

/** Merge patch of a link: status, tags, or `entityId` to move the attachment (the manager's override). */
export const LinkPatchSchema = Type.Object(
  {
    entityId: Type.Optional(Type.String({ format: 'uuid' })),
    status: Type.Optional(LinkStatusSchema),
    tags: Type.Optional(Tags),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type LinkPatch = Static<typeof LinkPatchSchema>;

export const OrganizationIdParamsSchema = Type.Object({ id: Type.String({ format: 'uuid' }) });
export const LinkParamsSchema = Type.Object({ id: Type.String({ format: 'uuid' }), linkId: Type.String({ format: 'uuid' }) });

export const SearchQuerySchema = Type.Object(
  {
    q: Type.String({ minLength: 2, maxLength: 100, description: 'Name (accents and small typos tolerated), SIREN prefix, or city' }),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 10 })),
  },
  { additionalProperties: false },
);

export const SearchHitSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    siren: Type.String(),
    name: Type.String(),
    communeName: Nullable(Type.String()),
    postalCode: Nullable(Type.String()),
    departementCode: Nullable(Type.String()),
    nafCode: Nullable(Type.String()),
    score: Type.Number({ description: 'Higher is better; only meaningful within one response' }),
  },
  { $id: 'OrganizationSearchHit' },
);
export type SearchHit = Static<typeof SearchHitSchema>;
export const SearchResultSchema = Type.Object({ items: Type.Array(SearchHitSchema) });
