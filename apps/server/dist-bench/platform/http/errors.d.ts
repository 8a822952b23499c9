/** One field-level problem, located by a JSON Pointer (RFC 6901) into the request body or query. */
export interface FieldError {
    pointer: string;
    message: string;
}
/**
 * The one error family of the application: a stable machine `code`, an HTTP status and a message
 * a member of staff can read. The HTTP layer renders it as RFC 9457 problem+json.
 */
export declare class AppError extends Error {
    readonly code: string;
    readonly status: number;
    readonly title: string;
    readonly errors: FieldError[];
    readonly headers: Record<string, string>;
    constructor(code: string, status: number, title: string, detail?: string, errors?: FieldError[], headers?: Record<string, string>);
}
export declare class BadRequestError extends AppError {
    constructor(detail: string, errors?: FieldError[], code?: string);
}
export declare class ValidationError extends AppError {
    constructor(errors: FieldError[], detail?: string);
}
export declare class UnauthenticatedError extends AppError {
    constructor(detail?: string, code?: string);
}
export declare class ForbiddenError extends AppError {
    constructor(detail?: string, code?: string);
}
/** Also used for records outside the caller's scope, so that existence never leaks across branches. */
export declare class NotFoundError extends AppError {
    constructor(resource?: string);
}
export declare class ConflictError extends AppError {
    constructor(detail: string, code?: string, errors?: FieldError[]);
}
export declare class PreconditionRequiredError extends AppError {
    constructor();
}
export declare class PreconditionFailedError extends AppError {
    constructor();
}
export declare class TooManyRequestsError extends AppError {
    constructor(detail: string, retryAfterSeconds: number, code?: string);
}
export declare class ServiceUnavailableError extends AppError {
    constructor(detail?: string);
}
