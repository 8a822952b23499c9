/**
 * Compares two OpenAPI 3.1 documents from the point of view of an existing client: what the new
 * one still accepts (requests may only widen) and what it may now return (responses may only narrow).
 * Breaking: removed operation or response, removed or narrowed response property, changed type,
 * removed enum value, new required parameter or body property, a property becoming required in input.
 * Everything else that differs is reported as additive.
 */
type Json = Record<string, unknown>;
export interface ApiChange {
    /** e.g. `GET /api/v1/entities` or `GET /api/v1/entities 200 items[].name`. */
    location: string;
    message: string;
}
export interface ApiDiff {
    breaking: ApiChange[];
    additive: ApiChange[];
}
export declare function diffOpenApi(before: Json, after: Json): ApiDiff;
export {};
