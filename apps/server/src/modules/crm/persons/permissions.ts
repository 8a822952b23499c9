import type { PermissionDefinition } from '../../../platform/auth/index.js';

export const PERSON_PERMISSIONS = {
  /** Read contact persons of one's entities (without their sensitive fields). */
  read: 'crm.persons.read',
  /** Create, change and delete contact persons, their affiliations and consents. */
  write: 'crm.persons.write',
  /** See the decrypted personal phone and sensitive note. */
  sensitiveRead: 'crm.persons.sensitive.read',
  /** Answer GDPR requests: export everything held on a person, erase (anonymise) a person. */
  gdpr: 'crm.persons.gdpr',
} as const;

// `access: 'write'` keeps the sensitive and GDPR permissions away from the read-only system role
// (viewers): seeing a personal phone or exporting a whole file is more than consulting the CRM.
export const PERSON_PERMISSION_DEFINITIONS: PermissionDefinition[] = [
  { name: PERSON_PERMISSIONS.read, description: 'Consulter les contacts', category: 'business' },
  { name: PERSON_PERMISSIONS.write, description: 'Créer et modifier les contacts, leurs rattachements et consentements', category: 'business' },
  {
    name: PERSON_PERMISSIONS.sensitiveRead,
    description: 'Voir le téléphone personnel et la note sensible des contacts',
    category: 'business',
    access: 'write',
  },
  {
    name: PERSON_PERMISSIONS.gdpr,
    description: 'Traiter les demandes RGPD des contacts (export, effacement)',
    category: 'business',
    access: 'write',
  },
];
