import { type Collection, type CollectionQuery } from './collection.js';
/**
 * Second stage after Fastify's schema validation: splits `[in]` lists and checks each element
 * (the schema sees one string), resolves the sort and decodes the cursor.
 */
export declare function parseCollectionQuery(collection: Collection, query: Record<string, unknown>): CollectionQuery;
