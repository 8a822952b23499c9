import { Type, type TSchema } from 'typebox';
import { ProblemSchema } from '@maillage/contracts';
import type { CollectionPage } from './collection-sql.js';
/** `{ 404: ProblemSchema, 409: ProblemSchema }` for a route's `schema.response`. */
export declare function problemResponses<const S extends readonly number[]>(...statuses: S): {
    [K in S[number]]: typeof ProblemSchema;
};
/** Statuses any authenticated route may answer: bad query, unauthenticated, forbidden, rate limited. */
export declare const COMMON_PROBLEMS: readonly [400, 401, 403, 429];
/**
 * The 200 response of a collection route: the JSON envelope, or CSV when asked with `Accept: text/csv`.
 * Fastify picks the serializer by the reply's content type, so the JSON branch stays schema-checked.
 */
export declare function collectionResponse<T extends TSchema>(item: T, description?: string): {
    description: string;
    content: {
        'application/json': {
            schema: Type.TObject<{
                items: Type.TArray<T>;
                nextCursor: Type.TUnion<[Type.TString, Type.TNull]>;
                count: Type.TOptional<Type.TInteger>;
            }>;
        };
        'text/csv': {
            schema: Type.TString;
        };
    };
};
/** The JSON envelope of a page (drops the internal keyset position). */
export declare function toEnvelope<Row>(page: CollectionPage<Row>): {
    items: Row[];
    nextCursor: string | null;
    count?: number;
};
