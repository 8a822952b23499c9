import { AppError } from './errors.js';
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
export function problemType(code) {
    return `urn:maillage:problem:${code}`;
}
/** Registers the single place where every error becomes RFC 9457 problem+json. */
export function registerProblemHandler(app) {
    app.setErrorHandler((error, request, reply) => {
        const problem = toProblem(error, request);
        if (problem.status >= 500) {
            request.log.error({ err: error }, 'request failed');
        }
        else {
            request.log.info({ code: problem.code, status: problem.status }, 'request refused');
        }
        if (error instanceof AppError)
            reply.headers(error.headers);
        sendProblem(reply, problem);
    });
    app.setNotFoundHandler((request, reply) => {
        sendProblem(reply, build(request, 'route_not_found', 404, 'Not found', `No route matches ${request.method} ${request.url.split('?')[0]}.`));
    });
}
export function sendProblem(reply, problem) {
    return reply.code(problem.status).type(PROBLEM_CONTENT_TYPE).send(problem);
}
function toProblem(error, request) {
    if (error instanceof AppError) {
        return build(request, error.code, error.status, error.title, error.message, error.errors);
    }
    if (error.validation) {
        const errors = error.validation.map((item) => toFieldError(item, error.validationContext));
        return error.validationContext === 'body'
            ? build(request, 'validation_failed', 422, 'Validation failed', 'The request body contains invalid values.', errors)
            : build(request, 'bad_request', 400, 'Bad request', `The request ${error.validationContext ?? 'input'} is invalid.`, errors);
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
        return build(request, fastifyCode(error), status, titleFor(status), error.message);
    }
    if (status === 503) {
        return build(request, 'service_unavailable', 503, 'Service unavailable', 'The service is temporarily unavailable; try again shortly.');
    }
    // 5xx: never show internals; the log line carries the cause and the request id links them.
    return build(request, 'internal_error', 500, 'Internal error', 'An unexpected error occurred. Quote the request id when reporting it.');
}
function toFieldError(issue, context) {
    const params = issue.params;
    const base = issue.instancePath ?? '';
    const prefix = context && context !== 'body' ? `/${context}` : '';
    if (issue.keyword === 'required') {
        return { pointer: `${prefix}${base}/${escapePointer(String(params.missingProperty))}`, message: 'This field is required.' };
    }
    if (issue.keyword === 'additionalProperties') {
        return { pointer: `${prefix}${base}/${escapePointer(String(params.additionalProperty))}`, message: 'This field is not allowed here.' };
    }
    return { pointer: `${prefix}${base}` || '/', message: issue.message ?? 'Invalid value.' };
}
function escapePointer(segment) {
    return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
function fastifyCode(error) {
    switch (error.code) {
        case 'FST_ERR_CTP_BODY_TOO_LARGE':
            return 'payload_too_large';
        case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
            return 'unsupported_media_type';
        case 'FST_ERR_CTP_INVALID_JSON_BODY':
        case 'FST_ERR_CTP_EMPTY_JSON_BODY':
            return 'malformed_body';
        default:
            return error.statusCode === 429 ? 'rate_limited' : `http_${error.statusCode}`;
    }
}
const TITLES = {
    400: 'Bad request',
    401: 'Unauthenticated',
    403: 'Forbidden',
    404: 'Not found',
    405: 'Method not allowed',
    406: 'Not acceptable',
    409: 'Conflict',
    412: 'Precondition failed',
    413: 'Payload too large',
    415: 'Unsupported media type',
    422: 'Unprocessable content',
    428: 'Precondition required',
    429: 'Too many requests',
};
function titleFor(status) {
    return TITLES[status] ?? 'Request error';
}
function build(request, code, status, title, detail, errors = []) {
    const problem = { type: problemType(code), title, status, detail, instance: request.url.split('?')[0] ?? '/', code, requestId: request.id };
    if (errors.length > 0)
        problem.errors = errors;
    return problem;
}
//# sourceMappingURL=problem-handler.js.map