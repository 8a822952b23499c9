/**
 * CRM module — public surface for other modules. For now the pure domain rules (issue 4):
 * identifiers, activity classification, geography, contact details and the member-file import.
 * Companies (organisations) are the first slice of the CRM API.
 */
export type { RuleResult, RuleViolation } from './rule-result.js';

// Companies (ADR 0007): routes, permissions, and what other modules may read.
export { registerOrganizations } from './organizations/register.js';
export { ORGANIZATION_PERMISSIONS } from './organizations/permissions.js';
export type { Organization, OrganizationLink } from './organizations/organizations.schema.js';
export { LINK_STATUSES, type LinkStatus } from './organizations/organizations.tables.js';
// A company's public identity read inside the caller's transaction (membership snapshots it on invoices).
export { findOrganizationById, findOrganizationNames } from './organizations/organizations.repository.js';
export { setOrganizationLinkStatus, type LinkStatusChange } from './organizations/organization-link-status.js';
export type { OrganizationIdentity } from './organizations/organizations.schema.js';

// Contact persons (ADR 0007: owned by one entity): routes, permissions, and the GDPR helpers other
// modules use (opt-outs for exports and campaigns, the right-of-access file, erasure).
export { registerPersons } from './persons/register.js';
export { PERSON_PERMISSIONS } from './persons/permissions.js';
export type { Person, Affiliation, Consent, ConsentState, OrganizationContact } from './persons/persons.schema.js';
export {
  AFFILIATION_ROLES,
  CONSENT_CHANNELS,
  LEGAL_BASES,
  type AffiliationRole,
  type ConsentChannel,
  type LegalBasis,
} from './persons/persons.tables.js';
export { hasConsent, optedOutPersonIds, notOptedOutSql } from './persons/consents.service.js';
export { exportPerson, type PersonExport } from './persons/person-export.js';
export { findPersonSummaries, type PersonSummary } from './persons/person-summaries.js';
export { affiliatedOrganizationIds } from './persons/affiliations.repository.js';
export { erasePersonInTx, ANONYMOUS_NAME, type ErasureReason } from './persons/person-erasure.js';
export { runPersonRetention, type RetentionResult } from './persons/person-retention.js';
export { SWEEP_PERSON_RETENTION } from './persons/persons.jobs.js';

// Imports (CSV/XLSX upload, dry run, background run) and exports (CSV/XLSX, streamed).
export { registerImports } from './import/register.js';
export { IMPORT_PERMISSIONS } from './import/permissions.js';
export { registerExports } from './export/register.js';
export { EXPORT_PERMISSIONS } from './export/permissions.js';

// Segments: saved filters of the company and contact lists, with live counts and members.
export { registerSegments } from './segments/register.js';
export { SEGMENT_PERMISSIONS } from './segments/permissions.js';
export { getSegment } from './segments/segments.service.js';
export { segmentCollectionQuery } from './segments/segment-members.service.js';
export type { Segment } from './segments/segments.schema.js';
export { SEGMENT_TARGETS, type SegmentTarget } from './segments/segments.tables.js';

// Interactions and timelines. Other modules add timeline entries (membership changes, event
// attendances) with recordInteraction inside their own transaction.
export { registerInteractions } from './interactions/register.js';
export { INTERACTION_PERMISSIONS } from './interactions/permissions.js';
export { recordInteraction, type RecordInteractionInput } from './interactions/record-interaction.js';
export { INTERACTION_KINDS, type InteractionKind } from './interactions/interactions.tables.js';
export type { Interaction } from './interactions/interactions.schema.js';

// Deduplication and merge of companies and contacts.
export { registerDeduplication } from './deduplication/register.js';
export { MERGE_PERMISSIONS } from './deduplication/permissions.js';

// Demo data at national scale (`npm run seed -- --scale=small|full --seed=N`).
export { seedCrmDemo, CRM_DEMO_SCALES, DEFAULT_DEMO_SEED, type CrmDemoResult } from './demo/seed-crm-demo.js';

export { parseSiren, formatSiren, generateSiren, type Siren } from './identifiers/siren.js';
export { parseSiret, formatSiret, sirenOfSiret, LA_POSTE_SIREN, type Siret } from './identifiers/siret.js';
export { parseNafCode, CURRENT_NAF_VERSION, type NafActivity, type NafVersion } from './classification/naf.js';
export { parseHeadcountBand, type HeadcountBandCode } from './companies/headcount-band.js';

export { findCommunesByPostalCode, resolveCommune, type ResolvedCommune } from './geography/resolve-commune.js';
export type { Commune } from './geography/postal-code-index.js';
export { departementalUnionCode } from './geography/departemental-union.js';

export { parsePhone, phoneRegionOfDepartement, type E164Phone } from './contacts/phone.js';
export { parseEmail, type NormalisedEmail } from './contacts/email.js';
export { parseCivility, type Civility } from './contacts/civility.js';

export { parseFrenchDate } from './import/french-date.js';
export { parseFrenchAmount } from './import/french-amount.js';
export { readCsv, type CsvReader, type CsvReadOptions } from './import/csv/read-csv.js';
export type { CsvRecord } from './import/csv/csv-tokenizer.js';
export { CsvFileError } from './import/csv/csv-error.js';
export {
  mapColumns,
  IMPORT_FIELDS,
  FIELD_LABELS,
  DEFAULT_HEADER_NAMES,
  type ImportField,
  type ColumnMapping,
  type ColumnOverrides,
  type ColumnMappingResult,
} from './import/column-mapping.js';
export { validateImportRow } from './import/validate-row.js';
export { describeRowProblem, type ImportRecord, type RowProblem, type RowValidation } from './import/import-record.js';
export { InFileDeduplicator, contactKey, type DuplicateInfo } from './import/in-file-deduplication.js';
export { openImportFile, type ImportFile, type ImportFileOptions, type ImportRow } from './import/read-import-file.js';

// Other modules move what they hold about a company when duplicates are merged (membership: invoices).
export { registerOrganizationMergeStep, registerPersonMergeStep, type OrganizationMergeStep, type PersonMergeStep } from './deduplication/merge-steps.js';
