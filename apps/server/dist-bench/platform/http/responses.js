import { Type } from 'typebox';
import { CollectionEnvelope, ProblemSchema } from '@maillage/contracts';
/** `{ 404: ProblemSchema, 409: ProblemSchema }` for a route's `schema.response`. */
export function problemResponses(...statuses) {
    return Object.fromEntries(statuses.map((status) => [status, ProblemSchema]));
}
/** Statuses any authenticated route may answer: bad query, unauthenticated, forbidden, rate limited. */
export const COMMON_PROBLEMS = [400, 401, 403, 429];
/**
 * The 200 response of a collection route: the JSON envelope, or CSV when asked with `Accept: text/csv`.
 * Fastify picks the serializer by the reply's content type, so the JSON branch stays schema-checked.
 */
export function collectionResponse(item, description = 'One page of the collection.') {
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
export function toEnvelope(page) {
    const envelope = { items: page.items, nextCursor: page.nextCursor };
    if (page.count !== undefined)
        envelope.count = page.count;
    return envelope;
}
//# sourceMappingURL=responses.js.map