import { withTransaction, type Database, type DbScope } from '../../../platform/db/index.js';
import { NotFoundError } from '../../../platform/http/errors.js';
import { affiliatedOrganizationIds, findPersonSummaries } from '../../crm/index.js';
import { activeMembershipsOf } from './memberships.repository.js';
import type { ActiveMembership } from './memberships.schema.js';

/**
 * A contact's live memberships: those of the companies it is affiliated with (a company's membership
 * covers its contacts), visible in the caller's scope. A person out of scope answers 404.
 */
export async function personMemberships(database: Database, scope: DbScope, personId: string): Promise<ActiveMembership[]> {
  return withTransaction(
    database,
    scope,
    async (tx) => {
      const persons = await findPersonSummaries(tx, [personId]);
      if (!persons.has(personId)) throw new NotFoundError('Person');
      return activeMembershipsOf(tx, await affiliatedOrganizationIds(tx, personId));
    },
    { readOnly: true },
  );
}
