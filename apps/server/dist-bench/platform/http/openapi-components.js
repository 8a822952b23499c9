import { STATUS_CODES } from 'node:http';
import { MERGE_PATCH_CONTENT_TYPE, PROBLEM_CONTENT_TYPE } from '@maillage/contracts';
/**
 * Routes embed shared TypeBox schemas inline (`response: { 404: ProblemSchema }`). @fastify/swagger
 * drops inline `$id`s, so each route would get its own copy: `markSchemaIds` (swagger `transform`,
 * per route) renames them to a vendor key it keeps, and `hoistSchemaIds` (`transformObject`) turns
 * each into one `components.schemas` entry plus `$ref`s, so that clients generate one `Problem` type.
 * Error responses are also documented as `application/problem+json`, with a real description.
 */
const MARKER = 'x-schema-id';
const PROBLEM_ID = 'Problem';
export function markRouteSchema(schema, methods = []) {
    const marked = mark(schema);
    // PATCH bodies are JSON Merge Patch documents (see merge-patch.ts).
    if (methods.includes('PATCH') && marked.body && !marked.consumes)
        marked.consumes = [MERGE_PATCH_CONTENT_TYPE];
    const responses = marked.response;
    if (responses) {
        for (const [status, response] of Object.entries(responses))
            responses[status] = documentResponse(status, response);
    }
    return marked;
}
function documentResponse(status, response) {
    if (response.content)
        return response;
    const description = typeof response.description === 'string' ? response.description : (STATUS_CODES[Number(status)] ?? 'Response');
    if (response[MARKER] === PROBLEM_ID) {
        return { description, content: { [PROBLEM_CONTENT_TYPE]: { schema: response } } };
    }
    return { ...response, description };
}
function mark(node) {
    if (Array.isArray(node))
        return node.map(mark);
    if (typeof node !== 'object' || node === null)
        return node;
    const copy = {};
    for (const [key, value] of Object.entries(node)) {
        if (key === '$id' && typeof value === 'string' && isSchemaName(value))
            copy[MARKER] = value;
        else
            copy[key] = mark(value);
    }
    return copy;
}
export function hoistSchemaIds(document) {
    const output = structuredClone(document);
    const components = (output.components ??= {});
    const schemas = (components.schemas ??= {});
    const visit = (node) => {
        if (Array.isArray(node))
            return node.map(visit);
        if (typeof node !== 'object' || node === null)
            return node;
        const { [MARKER]: name, ...rest } = node;
        const copy = {};
        for (const [key, value] of Object.entries(rest))
            copy[key] = visit(value);
        if (typeof name !== 'string')
            return copy;
        if (!(name in schemas))
            schemas[name] = copy;
        return { $ref: `#/components/schemas/${name}` };
    };
    for (const key of Object.keys(output)) {
        if (key !== 'components')
            output[key] = visit(output[key]);
    }
    for (const [name, schema] of Object.entries(schemas))
        schemas[name] = visit(schema);
    return output;
}
function isSchemaName(id) {
    return /^[A-Za-z][A-Za-z0-9_.-]*$/.test(id);
}
//# sourceMappingURL=openapi-components.js.map