import type { BulkTable } from './bulk-rows.js';

// The columns the demo data fills; the others keep their defaults (version 1, empty tags…).

export const ORGANIZATIONS: BulkTable = {
  name: 'organizations',
  columns: [
    ['id', 'uuid'],
    ['siren', 'text'],
    ['name', 'text'],
    ['legal_name', 'text'],
    ['naf_code', 'text'],
    ['naf_version', 'text'],
    ['legal_form', 'text'],
    ['headcount_band', 'text'],
    ['street', 'text'],
    ['postal_code', 'text'],
    ['commune_insee', 'text'],
    ['commune_name', 'text'],
    ['departement_code', 'text'],
    ['website', 'text'],
    ['phone', 'text'],
    ['created_at', 'timestamptz'],
    ['updated_at', 'timestamptz'],
  ],
};

export const ORGANIZATION_LINKS: BulkTable = {
  name: 'organization_links',
  columns: [
    ['id', 'uuid'],
    ['organization_id', 'uuid'],
    ['entity_id', 'uuid'],
    ['status', 'text'],
    ['attached_by', 'text'],
    ['created_at', 'timestamptz'],
    ['updated_at', 'timestamptz'],
  ],
};

export const PERSONS: BulkTable = {
  name: 'persons',
  columns: [
    ['id', 'uuid'],
    ['entity_id', 'uuid'],
    ['civility', 'text'],
    ['first_name', 'text'],
    ['last_name', 'text'],
    ['job_title', 'text'],
    ['phone', 'text'],
    ['last_interaction_at', 'timestamptz'],
    ['created_at', 'timestamptz'],
    ['updated_at', 'timestamptz'],
  ],
};

export const PERSON_EMAILS: BulkTable = {
  name: 'person_emails',
  columns: [
    ['id', 'uuid'],
    ['entity_id', 'uuid'],
    ['person_id', 'uuid'],
    ['email', 'text'],
    ['is_primary', 'boolean'],
  ],
};

export const AFFILIATIONS: BulkTable = {
  name: 'affiliations',
  columns: [
    ['id', 'uuid'],
    ['entity_id', 'uuid'],
    ['person_id', 'uuid'],
    ['organization_id', 'uuid'],
    ['role', 'text'],
    ['starts_on', 'date'],
    ['is_primary', 'boolean'],
  ],
};

export const PERSON_CONSENTS: BulkTable = {
  name: 'person_consents',
  columns: [
    ['id', 'uuid'],
    ['entity_id', 'uuid'],
    ['person_id', 'uuid'],
    ['channel', 'text'],
    ['status', 'text'],
    ['source', 'text'],
    ['recorded_at', 'timestamptz'],
  ],
};

export const INTERACTIONS: BulkTable = {
  name: 'interactions',
  columns: [
    ['id', 'uuid'],
    ['entity_id', 'uuid'],
    ['kind', 'text'],
    ['occurred_at', 'timestamptz'],
    ['subject', 'text'],
    ['body_html', 'text'],
    ['organization_id', 'uuid'],
    ['person_id', 'uuid'],
    ['created_at', 'timestamptz'],
    ['updated_at', 'timestamptz'],
  ],
};
