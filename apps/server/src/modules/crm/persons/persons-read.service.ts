import { withTransaction } from '../../../platform/db/index.js';
import type { CollectionQuery } from '../../../platform/http/collection.js';
import type { CollectionPage } from '../../../platform/http/collection-sql.js';
import { NotFoundError } from '../../../platform/http/errors.js';
import { scopeOf, toPerson, type PersonActor, type PersonDeps } from './person-view.js';
import { fetchPersonPage, findEmailsOf, findPersonById } from './persons.repository.js';
import type { Person } from './persons.schema.js';
import { PERSON_PERMISSIONS } from './permissions.js';

// RLS under the read scope: a person of another branch is "not found", never "forbidden".

export async function getPerson(deps: PersonDeps, actor: PersonActor, id: string): Promise<Person> {
  return withTransaction(
    deps.database,
    scopeOf(actor, PERSON_PERMISSIONS.read),
    async (tx) => {
      const record = await findPersonById(tx, id);
      if (!record) throw new NotFoundError('Person');
      const emails = await findEmailsOf(tx, [id]);
      return toPerson(record, emails.get(id) ?? [], deps.cipher, actor.principal);
    },
    { readOnly: true },
  );
}

export async function listPersons(deps: PersonDeps, actor: PersonActor, query: CollectionQuery): Promise<CollectionPage<Person>> {
  return withTransaction(
    deps.database,
    scopeOf(actor, PERSON_PERMISSIONS.read),
    async (tx) => {
      const page = await fetchPersonPage(tx, query);
      // The row itself: a copy without its e-mails (rest destructuring) would cost a copy per person.
      return { ...page, items: page.items.map((row) => toPerson(row, row.emails, deps.cipher, actor.principal)) };
    },
    { readOnly: true },
  );
}
