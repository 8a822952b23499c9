import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { createHash } from 'node:crypto';
import { Type } from 'typebox';
import { withTransaction, type Database } from '../../../platform/db/index.js';
import { NotFoundError } from '../../../platform/http/errors.js';
import { isNotModified, setEtag } from '../../../platform/http/preconditions.js';
import { problemResponses } from '../../../platform/http/responses.js';
import { listPublicEvents } from '../public/public-events.js';
import { renderCalendar } from './events-calendar.js';

export interface IcalDeps {
  database: Database;
  /** Host name of the instance, right-hand side of the event UIDs. */
  uidDomain: string;
}

/** How far back the feed goes, so that subscribed calendars keep recent events (and see cancellations). */
const FEED_HISTORY_MS = 90 * 24 * 3600 * 1000;

/** `GET /api/v1/entities/{code}/events.ics`: an entity's public events as an iCalendar feed, without authentication. */
export async function icalRoutes(instance: FastifyInstance, deps: IcalDeps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/v1/entities/:code/events.ics',
    {
      schema: {
        tags: ['events'],
        summary: "An entity's public events as an iCalendar (RFC 5545) feed to subscribe to; no authentication",
        description: 'Published events with `visibility: public` of that entity only (not its sub-entities), from 90 days ago; cancelled ones carry STATUS:CANCELLED.',
        security: [],
        params: Type.Object({ code: Type.String({ pattern: '^[A-Za-z0-9_-]{1,40}$', description: "The entity's code (FR, 69, 75…)" }) }),
        response: {
          200: {
            description: 'The calendar',
            content: { 'text/calendar': { schema: Type.String({ description: 'RFC 5545, UTF-8, CRLF line ends' }) } },
          },
          304: { description: 'Not modified (If-None-Match names the current ETag)', type: 'null' },
          ...problemResponses(400, 404, 429),
        },
      },
    },
    async (request, reply) => {
      // A public read: the system scope, narrowed in SQL to one entity's public published events.
      const { name, events } = await withTransaction(
        deps.database,
        { kind: 'system' },
        async (tx) => {
          const { rows } = await tx.client.query<{ id: string; name: string }>('SELECT id, name FROM entities WHERE code = $1', [request.params.code]);
          const entity = rows[0];
          if (!entity) throw new NotFoundError('Entity');
          const from = new Date(Date.now() - FEED_HISTORY_MS);
          return { name: entity.name, events: await listPublicEvents(tx, entity.id, { from, limit: 500, includeCancelled: true }) };
        },
        { readOnly: true },
      );
      const body = renderCalendar(events, { name: `Événements — ${name}`, uidDomain: deps.uidDomain });
      // Calendar clients poll: a content hash as ETag lets them skip unchanged feeds.
      const etag = createHash('sha256').update(body).digest('base64url').slice(0, 27);
      setEtag(reply, etag).header('cache-control', 'public, max-age=300');
      if (isNotModified(request, etag)) return reply.code(304).send(null);
      return reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', `inline; filename="evenements-${request.params.code}.ics"`)
        .send(body);
    },
  );
}
