/** One field-level problem, located by a JSON Pointer (RFC 6901) into the request body or query. */
export interface FieldError {
  pointer: string;
  message: string;
}

/**
 * The one error family of the application: a stable machine `code`, an HTTP status and a message
 * a member of staff can read. The HTTP layer renders it as RFC 9457 problem+json.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly title: string,
    detail?: string,
    readonly errors: FieldError[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(detail ?? title);
    this.name = new.target.name;
  }
}

export class BadRequestError extends AppError {
  constructor(detail: string, errors: FieldError[] = [], code = 'bad_request') {
    super(code, 400, 'Bad request', detail, errors);
  }
}

export class ValidationError extends AppError {
  constructor(errors: FieldError[], detail = 'The request contains invalid values.') {
    super('validation_failed', 422, 'Validation failed', detail, errors);
  }
}

export class UnauthenticatedError extends AppError {
  constructor(detail = 'Authentication is required.', code = 'unauthenticated') {
    super(code, 401, 'Unauthenticated', detail);
  }
}

export class ForbiddenError extends AppError {
  constructor(detail = 'You are not allowed to perform this action.', code = 'forbidden') {
    super(code, 403, 'Forbidden', detail);
  }
}

/** Also used for records outside the caller's scope, so that existence never leaks across branches. */
export class NotFoundError extends AppError {
  constructor(resource = 'Resource') {
    super('not_found', 404, 'Not found', `${resource} not found or not accessible.`);
  }
}

export class ConflictError extends AppError {
  constructor(detail: string, code = 'conflict', errors: FieldError[] = []) {
    super(code, 409, 'Conflict', detail, errors);
  }
}

export class PreconditionRequiredError extends AppError {
  constructor() {
    super('precondition_required', 428, 'Precondition required', 'This request must send If-Match with the current ETag of the resource.');
  }
}

export class PreconditionFailedError extends AppError {
  constructor() {
    super('precondition_failed', 412, 'Precondition failed', 'The resource was modified since you read it: reload it and try again.');
  }
}

export class TooManyRequestsError extends AppError {
  constructor(detail: string, retryAfterSeconds: number, code = 'rate_limited') {
    super(code, 429, 'Too many requests', detail, [], { 'retry-after': String(retryAfterSeconds) });
  }
}

export class ServiceUnavailableError extends AppError {
  constructor(detail = 'The service is temporarily unavailable; try again shortly.', retryAfterSeconds = 5, code = 'service_unavailable') {
    super(code, 503, 'Service unavailable', detail, [], { 'retry-after': String(retryAfterSeconds) });
  }
}

/** 415: the body's media type is not one the route accepts (PATCH wants application/merge-patch+json). */
export class UnsupportedMediaTypeError extends AppError {
  constructor(detail: string) {
    super('unsupported_media_type', 415, 'Unsupported media type', detail);
  }
}

/** 422 for a well-formed request that cannot be processed as sent (not a field validation error). */
export class UnprocessableError extends AppError {
  constructor(code: string, title: string, detail: string) {
    super(code, 422, title, detail);
  }
}
