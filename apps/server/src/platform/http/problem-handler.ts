import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type FieldError } from './errors.js';
import { validationFieldErrors } from './validation-messages.js';
import { isDatabaseUnavailable } from './database-unavailable.js';

/** Seconds a client should wait before retrying while the database is unreachable. */
const RETRY_AFTER_SECONDS = 5;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: string;
  requestId: string;
  errors?: FieldError[];
}

export function problemType(code: string): string {
  return `urn:maillage:problem:${code}`;
}

/** Registers the single place where every error becomes RFC 9457 problem+json. */
export function registerProblemHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    const problem = toProblem(error, request);
    if (problem.status >= 500) {
      request.log.error({ err: error }, 'request failed');
    } else {
      request.log.info({ code: problem.code, status: problem.status }, 'request refused');
    }
    if (error instanceof AppError) reply.headers(error.headers);
    if (problem.code === 'database_unavailable') reply.header('retry-after', String(RETRY_AFTER_SECONDS));
    sendProblem(reply, problem);
  });
  app.setNotFoundHandler((request, reply) => {
    sendProblem(reply, build(request, 'route_not_found', 404, 'Not found', `No route matches ${request.method} ${request.url.split('?')[0]}.`));
  });
}

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply.code(problem.status).type(PROBLEM_CONTENT_TYPE).send(problem);
}

function toProblem(error: FastifyError | AppError, request: FastifyRequest): Problem {
  if (error instanceof AppError) {
    return build(request, error.code, error.status, error.title, error.message, error.errors);
  }
  if (error.validation) {
    const errors = validationFieldErrors(error.validation, error.validationContext);
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
  if (isDatabaseUnavailable(error)) {
    return build(request, 'database_unavailable', 503, 'Service unavailable', 'The database cannot be reached at the moment; try again in a few seconds.');
  }
  // 5xx: never show internals; the log line carries the cause and the request id links them.
  return build(request, 'internal_error', 500, 'Internal error', 'An unexpected error occurred. Quote the request id when reporting it.');
}

function fastifyCode(error: FastifyError): string {
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

const TITLES: Record<number, string> = {
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

function titleFor(status: number): string {
  return TITLES[status] ?? 'Request error';
}

function build(request: FastifyRequest, code: string, status: number, title: string, detail: string, errors: FieldError[] = []): Problem {
  const problem: Problem = { type: problemType(code), title, status, detail, instance: request.url.split('?')[0] ?? '/', code, requestId: request.id };
  if (errors.length > 0) problem.errors = errors;
  return problem;
}
