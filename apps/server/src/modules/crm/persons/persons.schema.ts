import { Type, type Static } from 'typebox';
import { AFFILIATION_ROLES, CIVILITIES, CONSENT_CHANNELS, CONSENT_STATUSES, LEGAL_BASES } from './persons.tables.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
/** A string among `values`, typed as their union (documented as an enum in OpenAPI). */
const OneOf = <const T extends readonly string[]>(values: T, description: string) =>
  Type.Unsafe<T[number]>(Type.String({ enum: [...values], description }));

const Uuid = Type.String({ format: 'uuid' });
const DateTime = Type.String({ format: 'date-time' });

export const CivilitySchema = OneOf(CIVILITIES, '`M` or `MME`');
export const LegalBasisSchema = OneOf(LEGAL_BASES, 'GDPR legal basis of the processing: consent, contract, legitimate_interest, legal_obligation');
export const AffiliationRoleSchema = OneOf(AFFILIATION_ROLES, 'dirigeant, drh, contact_principal, comptable, autre');
export const ConsentChannelSchema = OneOf(CONSENT_CHANNELS, 'newsletter, events, sms');
export const ConsentStatusSchema = OneOf(CONSENT_STATUSES, 'granted or withdrawn');

export const PersonEmailSchema = Type.Object({ email: Type.String(), isPrimary: Type.Boolean() });

export const PersonSchema = Type.Object(
  {
    id: Uuid,
    entityId: Type.String({ format: 'uuid', description: 'The entity the contact belongs to' }),
    civility: Nullable(CivilitySchema),
    firstName: Nullable(Type.String()),
    lastName: Type.String(),
    jobTitle: Nullable(Type.String()),
    phone: Nullable(Type.String({ description: 'Professional phone, E.164' })),
    emails: Type.Array(PersonEmailSchema, { description: 'Lower-cased; the primary one first' }),
    personalPhone: Type.Optional(
      Nullable(Type.String({ description: 'E.164, encrypted at rest. Present only with crm.persons.sensitive.read on the entity' })),
    ),
    sensitiveNote: Type.Optional(Nullable(Type.String({ description: 'Encrypted at rest. Present only with crm.persons.sensitive.read on the entity' }))),
    legalBasis: LegalBasisSchema,
    lastInteractionAt: Nullable(DateTime),
    retentionFlaggedAt: Nullable(Type.String({ format: 'date-time', description: 'Set when the retention notice period started' })),
    anonymizedAt: Nullable(Type.String({ format: 'date-time', description: 'Set once the person was erased (GDPR)' })),
    version: Type.Integer({ minimum: 1 }),
    createdAt: DateTime,
    updatedAt: DateTime,
  },
  { $id: 'Person' },
);
export type Person = Static<typeof PersonSchema>;

const Name = Type.String({ minLength: 1, maxLength: 100 });
const Phone = Type.String({ maxLength: 30, description: 'Any usual French or international form; stored as E.164' });
const Emails = Type.Array(Type.String({ maxLength: 254 }), { maxItems: 10, description: 'Addresses of the person, the first one primary' });

const PersonInput = {
  civility: Type.Optional(Nullable(Type.String({ maxLength: 20, description: 'M, Mme, Monsieur, Madame…' }))),
  firstName: Type.Optional(Nullable(Name)),
  jobTitle: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 150 }))),
  phone: Type.Optional(Nullable(Phone)),
  personalPhone: Type.Optional(Nullable(Phone)),
  sensitiveNote: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 2000 }))),
  legalBasis: Type.Optional(LegalBasisSchema),
  emails: Type.Optional(Emails),
};

export const CreatePersonSchema = Type.Object(
  {
    entityId: Type.Optional(
      Type.String({ format: 'uuid', description: 'One of the entities you may write to; may be omitted when you write to one entity only' }),
    ),
    lastName: Name,
    ...PersonInput,
  },
  { additionalProperties: false },
);
export type CreatePerson = Static<typeof CreatePersonSchema>;

/** JSON Merge Patch; `emails` replaces the whole list. The entity cannot change. */
export const PersonPatchSchema = Type.Object({ lastName: Type.Optional(Name), ...PersonInput }, { additionalProperties: false, minProperties: 1 });
export type PersonPatch = Static<typeof PersonPatchSchema>;

export const PersonIdParamsSchema = Type.Object({ id: Uuid });

export const AffiliationSchema = Type.Object(
  {
    id: Uuid,
    entityId: Uuid,
    personId: Uuid,
    organizationId: Uuid,
    organizationName: Type.String(),
    role: AffiliationRoleSchema,
    startsOn: Nullable(Type.String({ format: 'date' })),
    endsOn: Nullable(Type.String({ format: 'date' })),
    isPrimary: Type.Boolean(),
  },
  { $id: 'PersonAffiliation' },
);
export type Affiliation = Static<typeof AffiliationSchema>;

export const CreateAffiliationSchema = Type.Object(
  {
    organizationId: Uuid,
    role: AffiliationRoleSchema,
    startsOn: Type.Optional(Nullable(Type.String({ format: 'date' }))),
    endsOn: Type.Optional(Nullable(Type.String({ format: 'date' }))),
    isPrimary: Type.Optional(Type.Boolean({ description: 'The person\'s main company; unsets the previous primary one' })),
  },
  { additionalProperties: false },
);
export type CreateAffiliation = Static<typeof CreateAffiliationSchema>;

export const AffiliationParamsSchema = Type.Object({ id: Uuid, affiliationId: Uuid });

export const OrganizationContactSchema = Type.Object(
  {
    affiliationId: Uuid,
    role: AffiliationRoleSchema,
    startsOn: Nullable(Type.String({ format: 'date' })),
    endsOn: Nullable(Type.String({ format: 'date' })),
    isPrimary: Type.Boolean(),
    person: Type.Object({
      id: Uuid,
      entityId: Uuid,
      civility: Nullable(CivilitySchema),
      firstName: Nullable(Type.String()),
      lastName: Type.String(),
      jobTitle: Nullable(Type.String()),
      phone: Nullable(Type.String()),
      email: Nullable(Type.String({ description: 'Primary address' })),
    }),
  },
  { $id: 'OrganizationContact' },
);
export type OrganizationContact = Static<typeof OrganizationContactSchema>;

export const ConsentSchema = Type.Object(
  {
    id: Uuid,
    channel: ConsentChannelSchema,
    status: ConsentStatusSchema,
    source: Type.String(),
    proof: Nullable(Type.String()),
    recordedAt: DateTime,
    recordedBy: Nullable(Uuid),
  },
  { $id: 'PersonConsent' },
);
export type Consent = Static<typeof ConsentSchema>;

export const CreateConsentSchema = Type.Object(
  {
    channel: ConsentChannelSchema,
    status: ConsentStatusSchema,
    source: Type.String({ minLength: 1, maxLength: 200, description: 'Where the consent was given or withdrawn: form, phone call, unsubscribe link…' }),
    proof: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 2000, description: 'What proves it: form reference, message id…' }))),
  },
  { additionalProperties: false },
);
export type CreateConsent = Static<typeof CreateConsentSchema>;

const CurrentConsent = Nullable(Type.Object({ status: ConsentStatusSchema, recordedAt: DateTime, source: Type.String() }));

export const ConsentStateSchema = Type.Object(
  {
    current: Type.Object(
      { newsletter: CurrentConsent, events: CurrentConsent, sms: CurrentConsent },
      { description: 'Latest decision per channel; null: never asked (no consent)' },
    ),
    history: Type.Array(ConsentSchema, { description: 'Every recorded decision, newest first' }),
  },
  { $id: 'PersonConsentState' },
);
export type ConsentState = Static<typeof ConsentStateSchema>;
