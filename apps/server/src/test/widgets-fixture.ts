import { eq, sql } from 'drizzle-orm';
import { integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { App } from '../app.js';
import type { Principal } from '../platform/auth/principal.js';
import { newId, withOwnerClient, withTransaction, type Database, type DbScope } from '../platform/db/index.js';
import { defineCollection } from '../platform/http/collection.js';
import { fetchPage } from '../platform/http/collection-sql.js';
import { sendCsv, wantsCsv } from '../platform/http/collection-csv.js';
import { ConflictError, NotFoundError, PreconditionFailedError } from '../platform/http/errors.js';
import { recordIdempotentResponse } from '../platform/http/idempotency.js';
import { applyMergePatch, requireMergePatch } from '../platform/http/merge-patch.js';
import { requiredIfMatchVersion, setEtag } from '../platform/http/preconditions.js';
import { collectionResponse, problemResponses } from '../platform/http/responses.js';

/**
 * A throwaway `test_widgets` table and routes exercising the HTTP conventions, so that their tests
 * do not depend on business modules being written at the same time.
 */
export const widgets = pgTable('test_widgets', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  status: text('status').notNull(),
  amount: integer('amount').notNull(),
  note: text('note'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});

export const WIDGET_STATUSES = ['draft', 'active', 'archived'] as const;

export const widgetCollection = defineCollection({
  name: 'testWidgets',
  id: widgets.id,
  fields: {
    name: { column: widgets.name, type: 'string', filter: ['eq', 'in', 'contains'], sort: true },
    status: { column: widgets.status, type: 'enum', values: WIDGET_STATUSES, filter: ['eq', 'in'], sort: true },
    amount: { column: widgets.amount, type: 'integer', filter: ['eq', 'gte', 'lte'], sort: true },
    createdAt: { column: widgets.createdAt, type: 'date-time', filter: ['gte', 'lte'], sort: true },
    id: { column: widgets.id, type: 'uuid', filter: ['eq', 'in'] },
  },
  defaultSort: '-createdAt',
});

const WidgetSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    name: Type.String(),
    status: Type.String({ enum: [...WIDGET_STATUSES] }),
    amount: Type.Integer(),
    note: Type.Union([Type.String(), Type.Null()]),
    createdAt: Type.String({ format: 'date-time' }),
    version: Type.Integer(),
  },
  { $id: 'TestWidget' },
);

const WidgetCreateSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    status: Type.Union(WIDGET_STATUSES.map((s) => Type.Literal(s))),
    amount: Type.Integer({ minimum: 0 }),
    note: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  },
  { additionalProperties: false },
);

const WidgetPatchSchema = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    amount: Type.Optional(Type.Integer({ minimum: 0 })),
    note: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  },
  { additionalProperties: false },
);

/** Wide open scope: the throwaway table has no RLS. */
const SCOPE: DbScope = { kind: 'system' };

export async function createWidgetsTable(database: Database): Promise<void> {
  await withOwnerClient(database, async (client) => {
    await client.query(`CREATE TABLE test_widgets (
      id uuid PRIMARY KEY, name text NOT NULL, status text NOT NULL, amount integer NOT NULL, note text,
      created_at timestamptz NOT NULL DEFAULT now(), version integer NOT NULL DEFAULT 1)`);
    await client.query('GRANT SELECT, INSERT, UPDATE, DELETE ON test_widgets TO maillage_app');
  });
}

export async function insertWidgets(
  database: Database,
  rows: Array<{ name: string; status?: string; amount?: number; note?: string | null; createdAt?: string }>,
): Promise<string[]> {
  const ids: string[] = [];
  await withOwnerClient(database, async (client) => {
    for (const row of rows) {
      const id = newId();
      ids.push(id);
      await client.query('INSERT INTO test_widgets (id, name, status, amount, note, created_at) VALUES ($1, $2, $3, $4, $5, coalesce($6::timestamptz, now()))', [
        id,
        row.name,
        row.status ?? 'active',
        row.amount ?? 0,
        row.note ?? null,
        row.createdAt ?? null,
      ]);
    }
  });
  return ids;
}

const SOME_ENTITY = '00000000-0000-4000-8000-000000000000';

/** A principal for tests holding every permission on one entity, or none at all. */
export function testPrincipal(userId: string, holdsPermissions = true): Principal {
  return {
    userId,
    email: `${userId}@example.test`,
    via: 'token',
    rootsFor: () => (holdsPermissions ? [SOME_ENTITY] : []),
    entityIdsFor: () => new Set(holdsPermissions ? [SOME_ENTITY] : []),
    holdsOn: () => holdsPermissions,
    permissions: () => [],
  } as Principal;
}

/** `x-test-user: <uuid>` authenticates as that user; add `x-test-permissions: none` to hold no permission. */
export function registerTestPrincipal(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    const user = request.headers['x-test-user'];
    if (typeof user === 'string') request.principal = testPrincipal(user, request.headers['x-test-permissions'] !== 'none');
  });
}

export function registerWidgetRoutes(app: App, database: Database, options: { csvBatchSize?: number } = {}): void {
  const fetch = (query: ReturnType<typeof widgetCollection.parse>) =>
    withTransaction(database, SCOPE, (tx) => fetchPage<typeof widgets.$inferSelect>(tx, widgetCollection, query, { table: widgets }), { readOnly: true });

  app.get(
    '/api/v1/test-widgets',
    { schema: { tags: ['test'], querystring: widgetCollection.querystring, response: { 200: collectionResponse(WidgetSchema), ...problemResponses(400) } } },
    async (request, reply) => {
      const query = widgetCollection.parse(request.query);
      if (wantsCsv(request)) {
        return sendCsv(reply, {
          query,
          fetch,
          filename: 'test-widgets',
          batchSize: options.csvBatchSize,
          columns: [{ name: 'id' }, { name: 'name' }, { name: 'status' }, { name: 'amount' }, { name: 'note' }, { name: 'createdAt' }],
          audit: {
            database,
            scope: SCOPE,
            event: { action: 'test.widget.exported', resourceType: 'test_widget', resourceId: null, entityId: null, actor: { userId: null, requestId: request.id, ip: null } },
          },
        });
      }
      const page = await fetch(query);
      return { items: page.items, nextCursor: page.nextCursor, ...(page.count !== undefined ? { count: page.count } : {}) };
    },
  );

  app.get(
    '/api/v1/test-widgets/:id',
    { schema: { tags: ['test'], params: Type.Object({ id: Type.String({ format: 'uuid' }) }), response: { 200: WidgetSchema, ...problemResponses(404) } } },
    async (request, reply) => {
      const [row] = await withTransaction(database, SCOPE, (tx) => tx.db.select().from(widgets).where(eq(widgets.id, request.params.id)));
      if (!row) throw new NotFoundError('Widget');
      setEtag(reply, row.version);
      return row;
    },
  );

  app.post(
    '/api/v1/test-widgets',
    { schema: { tags: ['test'], body: WidgetCreateSchema, response: { 201: WidgetSchema, ...problemResponses(400, 409, 422) } } },
    async (request, reply) => {
      if (request.body.name === 'conflict') throw new ConflictError('Name taken.');
      // Outside the transaction: keeps the only PGlite connection free while the request is in flight.
      if (request.body.name === 'slow') await new Promise((resolve) => setTimeout(resolve, 400));
      return withTransaction(database, SCOPE, async (tx) => {
        const [row] = await tx.db
          .insert(widgets)
          .values({ id: newId(), ...request.body, note: request.body.note ?? null })
          .returning();
        reply.code(201).header('location', `/api/v1/test-widgets/${row!.id}`);
        setEtag(reply, row!.version);
        if (request.body.name === 'boom') throw new Error('storage exploded');
        await recordIdempotentResponse(request, reply, tx, 201, row);
        return row!;
      });
    },
  );

  app.patch(
    '/api/v1/test-widgets/:id',
    {
      preValidation: requireMergePatch,
      schema: {
        tags: ['test'],
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        body: WidgetPatchSchema,
        response: { 200: WidgetSchema, ...problemResponses(404, 412, 415, 422, 428) },
      },
    },
    async (request, reply) => {
      const expected = requiredIfMatchVersion(request);
      const row = await withTransaction(database, SCOPE, async (tx) => {
        const [current] = await tx.db.select().from(widgets).where(eq(widgets.id, request.params.id));
        if (!current) throw new NotFoundError('Widget');
        if (expected !== null && expected !== current.version) throw new PreconditionFailedError();
        const patched = applyMergePatch({ name: current.name, amount: current.amount, note: current.note }, request.body);
        const [updated] = await tx.db
          .update(widgets)
          .set({ name: patched.name, amount: patched.amount, note: patched.note ?? null, version: sql`${widgets.version} + 1` })
          .where(eq(widgets.id, current.id))
          .returning();
        return updated!;
      });
      setEtag(reply, row.version);
      return row;
    },
  );

  app.delete(
    '/api/v1/test-widgets/:id',
    {
      config: { deprecation: { since: '2026-11-01', sunset: '2027-06-30', link: 'https://docs.example.test/widgets-v2' } },
      schema: { tags: ['test'], params: Type.Object({ id: Type.String({ format: 'uuid' }) }), response: { 204: Type.Null(), ...problemResponses(404, 412, 428) } },
    },
    async (request, reply) => {
      const expected = requiredIfMatchVersion(request);
      await withTransaction(database, SCOPE, async (tx) => {
        const [current] = await tx.db.select().from(widgets).where(eq(widgets.id, request.params.id));
        if (!current) throw new NotFoundError('Widget');
        if (expected !== null && expected !== current.version) throw new PreconditionFailedError();
        await tx.db.delete(widgets).where(eq(widgets.id, current.id));
      });
      return reply.code(204).send(null);
    },
  );
}
