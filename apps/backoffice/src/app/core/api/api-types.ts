import type { paths } from './schema';

/**
 * Shortcuts into the generated `paths` type: the JSON body a route answers with on success, and the
 * JSON body it accepts. Never hand-write API shapes; derive them here from the OpenAPI document.
 */
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Op<P extends keyof paths, M extends Method> = paths[P] extends Record<M, infer O> ? O : never;
type SuccessStatus = 200 | 201 | 202;

export type ResponseOf<P extends keyof paths, M extends Method = 'get'> =
  Op<P, M> extends { responses: infer R }
    ? { [S in SuccessStatus & keyof R]: R[S] extends { content: { 'application/json': infer B } } ? B : never }[SuccessStatus & keyof R]
    : never;

export type BodyOf<P extends keyof paths, M extends Method = 'post'> =
  Op<P, M> extends { requestBody?: { content: infer C } }
    ? C extends { 'application/json': infer B }
      ? B
      : C extends { 'application/merge-patch+json': infer B }
        ? B
        : never
    : never;

/** The item type of a `{ items, nextCursor }` collection route. */
export type ItemOf<P extends keyof paths> = ResponseOf<P> extends { items: Array<infer I> } ? I : never;

/** The query parameters a GET route accepts (collections: `filter[…]`, `sort`, `limit`, `cursor`). */
export type QueryOf<P extends keyof paths> = Op<P, 'get'> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;
