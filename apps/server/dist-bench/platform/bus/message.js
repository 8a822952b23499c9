import { Compile } from 'typebox/compile';
/** Queue names pg-boss accepts; we also use the name as the queue name, so keep it stable once shipped. */
const MESSAGE_NAME = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/;
/** Raised when a payload does not match its message schema, at send time (a bug in the sender) or on receipt. */
export class InvalidMessageError extends Error {
    messageName;
    problems;
    constructor(messageName, problems) {
        super(`Invalid payload for message "${messageName}": ${problems.join('; ')}`);
        this.messageName = messageName;
        this.problems = problems;
        this.name = 'InvalidMessageError';
    }
}
export function defineMessage(options) {
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
        problems: (payload) => validator.Check(payload) ? [] : [...validator.Errors(payload)].map((issue) => `${issue.instancePath || '/'}: ${issue.message}`),
    });
}
export function deadLetterQueueOf(name) {
    return `${name}.dead-letter`;
}
export function assertValidPayload(message, payload) {
    const problems = message.problems(payload);
    if (problems.length > 0)
        throw new InvalidMessageError(message.name, problems);
}
//# sourceMappingURL=message.js.map