export { defineMessage, deadLetterQueueOf, InvalidMessageError } from './message.js';
export { MessageBus } from './bus.js';
export { runOnce } from './run-once.js';
export { readQueueStats } from './jobs.repository.js';
export { createBus, registerBus } from './register-bus.js';
//# sourceMappingURL=index.js.map