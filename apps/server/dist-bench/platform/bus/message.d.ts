import type { Static, TSchema } from 'typebox';
export interface MessageOptions<S extends TSchema> {
    /** `module.event-name`, e.g. `membership.invoice-issued`; it names the queue, so never rename a shipped one. */
    name: string;
    schema: S;
    /** Attempts after the first one (default 3). */
    retryLimit?: number;
    /** Seconds before the first retry (default 5); doubled at each attempt when retryBackoff is on. */
    retryDelay?: number;
    retryBackoff?: boolean;
    /** Longest a handler may run before the job counts as failed (default 15 minutes). */
    expireInSeconds?: number;
    /** Dead-letter queue for jobs that exhausted their retries (default `<name>.dead-letter`; false: none). */
    deadLetter?: string | false;
}
export interface MessageDefinition<S extends TSchema = TSchema> {
    readonly name: string;
    readonly schema: S;
    readonly retryLimit: number;
    readonly retryDelay: number;
    readonly retryBackoff: boolean;
    readonly expireInSeconds: number;
    readonly deadLetter: string | null;
    /** Every validation issue as `pointer: message`; empty when the payload is valid. */
    problems(payload: unknown): string[];
}
export type PayloadOf<M> = M extends MessageDefinition<infer S> ? Static<S> : never;
/** Raised when a payload does not match its message schema, at send time (a bug in the sender) or on receipt. */
export declare class InvalidMessageError extends Error {
    readonly messageName: string;
    readonly problems: string[];
    constructor(messageName: string, problems: string[]);
}
export declare function defineMessage<S extends TSchema>(options: MessageOptions<S>): MessageDefinition<S>;
export declare function deadLetterQueueOf(name: string): string;
export declare function assertValidPayload(message: MessageDefinition, payload: unknown): void;
