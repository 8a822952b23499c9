import type { Static, TSchema } from 'typebox';
import { Compile } from 'typebox/compile';

/** Queue names pg-boss accepts; we also use the name as the queue name, so keep it stable once shipped. */
const MESSAGE_NAME = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/;

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
export class InvalidMessageError extends Error {
  constructor(
    readonly messageName: string,
    readonly problems: string[],
  ) {
    super(`Invalid payload for message "${messageName}": ${problems.join('; ')}`);
    this.name = 'InvalidMessageError';
  }
}

export function defineMessage<S extends TSchema>(options: MessageOptions<S>): MessageDefinition<S> {
  if (!MESSAGE_NAME.test(options.name) || options.name.length > 100) {
    throw new Error(`Message name "${options.name}" must look like "module.event-name" (lower case, dots, dashes)`);
  }
  const validator = Compile(options.schema);
  return Object.freeze({
    name: options.name,
    schema: options.schema,
    retryLimit: options.retryLimit ?? 3,
    retryDelay: options.retryDelay ?? 5,
    retryBackoff: options.retryBackoff ?? true,
    expireInSeconds: options.expireInSeconds ?? 15 * 60,
    deadLetter: options.deadLetter === false ? null : (options.deadLetter ?? deadLetterQueueOf(options.name)),
    problems: (payload: unknown) =>
      validator.Check(payload) ? [] : [...validator.Errors(payload)].map((issue) => `${issue.instancePath || '/'}: ${issue.message}`),
  });
}

export function deadLetterQueueOf(name: string): string {
  return `${name}.dead-letter`;
}

export function assertValidPayload(message: MessageDefinition, payload: unknown): void {
  const problems = message.problems(payload);
  if (problems.length > 0) throw new InvalidMessageError(message.name, problems);
}
