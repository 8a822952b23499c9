/** A field-level error from the server: `pointer` is a JSON Pointer into the request body. */
export interface FieldProblem {
  pointer: string;
  message: string;
}

/**
 * An RFC 9457 problem+json response, or a transport failure mapped to the same shape
 * (`code: 'network_error'`, `status: 0`) so screens handle one error type.
 */
export class ApiProblem extends Error {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly code: string;
  readonly requestId: string | undefined;
  readonly errors: readonly FieldProblem[];
  /** Seconds, from the Retry-After header of 429/503 answers. */
  readonly retryAfter: number | undefined;

  constructor(init: {
    type?: string;
    title?: string;
    status: number;
    detail?: string;
    code: string;
    requestId?: string;
    errors?: readonly FieldProblem[];
    retryAfter?: number;
  }) {
    super(init.detail ?? init.title ?? init.code);
    this.name = 'ApiProblem';
    this.type = init.type ?? `urn:maillage:problem:${init.code}`;
    this.title = init.title ?? init.code;
    this.status = init.status;
    this.detail = init.detail ?? '';
    this.code = init.code;
    this.requestId = init.requestId;
    this.errors = init.errors ?? [];
    this.retryAfter = init.retryAfter;
  }
}

/** Builds an ApiProblem from a parsed error body (problem+json or anything else) and its response. */
export function toApiProblem(body: unknown, response: Response): ApiProblem {
  const retryAfter = parseRetryAfter(response.headers.get('retry-after'));
  if (isProblemBody(body)) {
    return new ApiProblem({
      type: body.type,
      title: body.title,
      status: body.status ?? response.status,
      detail: body.detail,
      code: body.code,
      requestId: body.requestId ?? response.headers.get('x-request-id') ?? undefined,
      errors: Array.isArray(body.errors) ? body.errors.filter(isFieldProblem) : [],
      ...(retryAfter === undefined ? {} : { retryAfter }),
    });
  }
  return new ApiProblem({
    status: response.status,
    code: `http_${response.status}`,
    requestId: response.headers.get('x-request-id') ?? undefined,
    ...(retryAfter === undefined ? {} : { retryAfter }),
  });
}

export function networkProblem(cause: unknown): ApiProblem {
  const problem = new ApiProblem({ status: 0, code: 'network_error', detail: cause instanceof Error ? cause.message : String(cause) });
  return problem;
}

interface ProblemBody {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code: string;
  requestId?: string;
  errors?: unknown[];
}

function isProblemBody(body: unknown): body is ProblemBody {
  return typeof body === 'object' && body !== null && typeof (body as { code?: unknown }).code === 'string';
}

function isFieldProblem(item: unknown): item is FieldProblem {
  return (
    typeof item === 'object' &&
    item !== null &&
    typeof (item as FieldProblem).pointer === 'string' &&
    typeof (item as FieldProblem).message === 'string'
  );
}

function parseRetryAfter(raw: string | null): number | undefined {
  if (!raw) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, Math.round(seconds));
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.round((date - Date.now()) / 1000));
}
