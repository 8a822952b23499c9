import { type ApiDiff } from './openapi-diff.js';
type Json = Record<string, unknown>;
export interface OpenApiCheck {
    diff: ApiDiff;
    /** True when the committed file differs from the generated document in any way. */
    stale: boolean;
    /** Lines to print. */
    report: string[];
    ok: boolean;
}
/** The committed form: two-space JSON with a final newline, so that diffs in review stay readable. */
export declare function serializeOpenApi(document: unknown): string;
/** Compares the generated document with the committed one; any breaking change fails the check. */
export declare function checkOpenApi(committed: Json, generated: Json): OpenApiCheck;
export {};
