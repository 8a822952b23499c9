import { Type, type TSchema } from 'typebox';
import { CollectionEnvelope, ProblemSchema } from '@maillage/contracts';
import type { CollectionPage } from './collection-sql.js';

/** `{ 404: ProblemSchema, 409: ProblemSchema }` for a route's `schema.response`. */
export function problemResponses<const S extends readonly number[]>(...statuses: S): { [K in S[number]]: typeof ProblemSchema } {
  return Object.fromEntries(statuses.map((status) => [status, ProblemSchema])) as { [K in S[number]]: typeof ProblemSchema };
}

/** Statuses any authenticated route may answer: bad query, unauthenticated, forbidden, rate limited. */
export const COMMON_PROBLEMS = [400, 401, 403, 429] as const;

/**
 * The 200 response of a collection route: the JSON envelope, or CSV when asked with `Accept: text/csv`.
 * Fastify picks the serializer by the reply's content type, so the JSON branch stays schema-checked.
 */
export function collectionResponse<T extends TSchema>(item: T, description = 'One page of the collection.') {
  return {
    description,
    content: {
      'application/json': { schema: CollectionEnvelope(item) },
      'text/csv': {
        schema: Type.String({ description: 'The whole filtered, sorted collection as CSV (UTF-8 with BOM, header row of field names).' }),
      },
    },
  };
}

/** The JSON envelope of a page (drops the internal keyset position). */
export function toEnvelope<Row>(page: CollectionPage<Row>): { items: Row[]; nextCursor: string | null; count?: number } {
  const envelope: { items: Row[]; nextCursor: string | null; count?: number } = { items: page.items, nextCursor: page.nextCursor };
  if (page.count !== undefined) envelope.count = page.count;
  return envelope;
}
