export declare const OPENAPI_FILE: string;
/**
 * Builds the app without listening, on a throwaway in-memory database and a fixed configuration
 * (the document must not depend on who runs the command), and returns its OpenAPI document.
 */
export declare function generateOpenApiDocument(): Promise<Record<string, unknown>>;
