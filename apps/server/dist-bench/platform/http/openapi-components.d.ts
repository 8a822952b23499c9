type Json = Record<string, unknown>;
export declare function markRouteSchema(schema: Json, methods?: readonly string[]): Json;
export declare function hoistSchemaIds(document: Json): Json;
export {};
