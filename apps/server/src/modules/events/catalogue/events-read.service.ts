import { withTransaction, type Database, type DbScope } from '../../../platform/db/index.js';
import type { CollectionQuery } from '../../../platform/http/collection.js';
import type { CollectionPage } from '../../../platform/http/collection-sql.js';
import { NotFoundError } from '../../../platform/http/errors.js';
import { fetchEventPage, findEvent } from './events.repository.js';
import type { Event } from './events.schema.js';

export async function getEvent(database: Database, scope: DbScope, id: string): Promise<Event> {
  return withTransaction(
    database,
    scope,
    async (tx) => {
      const event = await findEvent(tx, id);
      if (!event) throw new NotFoundError('Event');
      return event;
    },
    { readOnly: true },
  );
}

export async function listEvents(database: Database, scope: DbScope, query: CollectionQuery): Promise<CollectionPage<Event>> {
  return withTransaction(database, scope, (tx) => fetchEventPage(tx, query), { readOnly: true });
}
