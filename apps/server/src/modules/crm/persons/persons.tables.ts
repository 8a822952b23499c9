import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { entities } from '../../../platform/tenancy/entity-tree.tables.js';
import { tenantIsolationPolicy } from '../../../platform/tenancy/tenant-policy.js';
import { organizations } from '../organizations/organizations.tables.js';

export const CIVILITIES = ['M', 'MME'] as const;
export const LEGAL_BASES = ['consent', 'contract', 'legitimate_interest', 'legal_obligation'] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];
export const AFFILIATION_ROLES = ['dirigeant', 'drh', 'contact_principal', 'comptable', 'autre'] as const;
export type AffiliationRole = (typeof AFFILIATION_ROLES)[number];
export const CONSENT_CHANNELS = ['newsletter', 'events', 'sms'] as const;
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];
export const CONSENT_STATUSES = ['granted', 'withdrawn'] as const;
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];

/**
 * A contact person, owned by one entity (ADR 0007: personal data is never shared across branches).
 * Sensitive fields are FieldCipher ciphertexts; the professional phone is plain E.164.
 */
export const persons = pgTable(
  'persons',
  {
    id: uuid('id').primaryKey(),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id),
    civility: text('civility', { enum: CIVILITIES }),
    firstName: text('first_name'),
    lastName: text('last_name').notNull(),
    jobTitle: text('job_title'),
    /** Professional phone, E.164. */
    phone: text('phone'),
    personalPhoneEncrypted: text('personal_phone_encrypted'),
    sensitiveNoteEncrypted: text('sensitive_note_encrypted'),
    legalBasis: text('legal_basis', { enum: LEGAL_BASES }).notNull().default('legitimate_interest'),
    /** Set by the retention job when the notice period starts (prospect without interaction for 3 years). */
    retentionFlaggedAt: timestamp('retention_flagged_at', { withTimezone: true }),
    anonymizedAt: timestamp('anonymized_at', { withTimezone: true }),
    lastInteractionAt: timestamp('last_interaction_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('persons_entity_id_idx').on(table.entityId, table.lastName, table.id),
    index('persons_last_name_idx').on(table.lastName, table.id),
    check('persons_civility', sql`${table.civility} IN ('M', 'MME')`),
    check('persons_legal_basis', sql`${table.legalBasis} IN ('consent', 'contract', 'legitimate_interest', 'legal_obligation')`),
    tenantIsolationPolicy('persons'),
  ],
).enableRLS();

/** A person's e-mail addresses; an address belongs to one person within an entity. */
export const personEmails = pgTable(
  'person_emails',
  {
    id: uuid('id').primaryKey(),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    /** Normalised lower-case. */
    email: text('email').notNull(),
    isPrimary: boolean('is_primary').notNull().default(false),
  },
  (table) => [
    unique('person_emails_entity_email_unique').on(table.entityId, table.email),
    index('person_emails_person_id_idx').on(table.personId),
    index('person_emails_email_idx').on(table.email),
    tenantIsolationPolicy('person_emails'),
  ],
).enableRLS();

/** A person's role in a company, as known by one entity. */
export const affiliations = pgTable(
  'affiliations',
  {
    id: uuid('id').primaryKey(),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    role: text('role', { enum: AFFILIATION_ROLES }).notNull(),
    startsOn: date('starts_on'),
    endsOn: date('ends_on'),
    isPrimary: boolean('is_primary').notNull().default(false),
  },
  (table) => [
    index('affiliations_entity_id_idx').on(table.entityId),
    // Answers "is this person affiliated with this company, in this entity?" in one probe (the import's
    // anti-join, migration 0055); its prefixes serve the lookups by person and by person and company.
    index('affiliations_person_organization_idx').on(table.personId, table.organizationId, table.entityId),
    index('affiliations_organization_id_idx').on(table.organizationId),
    check('affiliations_role', sql`${table.role} IN ('dirigeant', 'drh', 'contact_principal', 'comptable', 'autre')`),
    check('affiliations_dates', sql`${table.endsOn} IS NULL OR ${table.startsOn} IS NULL OR ${table.endsOn} >= ${table.startsOn}`),
    tenantIsolationPolicy('affiliations'),
  ],
).enableRLS();

/**
 * Consent history, append-only: the latest row per (person, channel) is the current state. Rows are
 * never updated, so the proof of what the person said and when survives later changes of mind.
 */
export const personConsents = pgTable(
  'person_consents',
  {
    id: uuid('id').primaryKey(),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id, { onDelete: 'cascade' }),
    channel: text('channel', { enum: CONSENT_CHANNELS }).notNull(),
    status: text('status', { enum: CONSENT_STATUSES }).notNull(),
    source: text('source').notNull(),
    proof: text('proof'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
    recordedBy: uuid('recorded_by'),
  },
  (table) => [
    index('person_consents_entity_id_idx').on(table.entityId),
    index('person_consents_person_channel_idx').on(table.personId, table.channel, table.recordedAt),
    check('person_consents_channel', sql`${table.channel} IN ('newsletter', 'events', 'sms')`),
    check('person_consents_status', sql`${table.status} IN ('granted', 'withdrawn')`),
    tenantIsolationPolicy('person_consents'),
  ],
).enableRLS();
