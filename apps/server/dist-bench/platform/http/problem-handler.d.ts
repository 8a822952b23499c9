import type { FastifyInstance, FastifyReply } from 'fastify';
import { type FieldError } from './errors.js';
export declare const PROBLEM_CONTENT_TYPE = "application/problem+json";
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
export declare function problemType(code: string): string;
/** Registers the single place where every error becomes RFC 9457 problem+json. */
export declare function registerProblemHandler(app: FastifyInstance): void;
export declare function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply;
