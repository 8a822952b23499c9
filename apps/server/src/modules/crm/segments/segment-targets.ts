import type { TSchema } from 'typebox';
import type { AuditActor } from '../../../platform/audit/index.js';
import type { Principal } from '../../../platform/auth/index.js';
import type { FieldCipher } from '../../../platform/crypto/index.js';
import type { Database, DbScope } from '../../../platform/db/index.js';
import type { Collection, CollectionQuery } from '../../../platform/http/collection.js';
import type { CollectionPage } from '../../../platform/http/collection-sql.js';
import { organizationCollection } from '../organizations/organizations.collection.js';
import { listOrganizations } from '../organizations/organizations-read.service.js';
import { OrganizationSchema } from '../organizations/organizations.schema.js';
import { ORGANIZATION_PERMISSIONS } from '../organizations/permissions.js';
import { PERSON_PERMISSIONS } from '../persons/permissions.js';
import { personCollection } from '../persons/persons.collection.js';
import { listPersons } from '../persons/persons-read.service.js';
import { PersonSchema } from '../persons/persons.schema.js';
import type { SegmentTarget } from './segments.tables.js';

/**
 * What a segment can select: each target is a list endpoint of the API, whose collection
 * definition validates the saved filter and whose read service lists and counts the members.
 * Reusing them keeps a segment's members exactly what the same filter on the list returns.
 */
export interface SegmentDeps {
  database: Database;
  /** Contacts' encrypted fields are decrypted (or not) by the persons list, per the caller's permissions. */
  cipher: FieldCipher;
}

export interface SegmentActor {
  principal: Principal;
  audit: AuditActor;
}

export interface SegmentTargetSpec {
  /** French, for messages: "les entreprises". */
  label: string;
  collection: Collection;
  /** Needed, on top of crm.segments.read, to list or count the members (they run under its scope). */
  readPermission: string;
  itemSchema: TSchema;
  /** The target list's own read service: it runs under the caller's scope for `readPermission`. */
  list(deps: SegmentDeps, actor: SegmentActor, query: CollectionQuery): Promise<CollectionPage<unknown>>;
}

export const SEGMENT_TARGET_SPECS: Record<SegmentTarget, SegmentTargetSpec> = {
  organizations: {
    label: 'les entreprises',
    collection: organizationCollection,
    readPermission: ORGANIZATION_PERMISSIONS.read,
    itemSchema: OrganizationSchema,
    list: (deps, actor, query) => listOrganizations(deps.database, scopeOf(actor.principal, ORGANIZATION_PERMISSIONS.read), query),
  },
  persons: {
    label: 'les contacts',
    collection: personCollection,
    readPermission: PERSON_PERMISSIONS.read,
    itemSchema: PersonSchema,
    list: listPersons,
  },
};

function scopeOf(principal: Principal, permission: string): DbScope {
  return { kind: 'entities', entityRoots: principal.rootsFor(permission), userId: principal.userId };
}
