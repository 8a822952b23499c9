export { defineMessage, deadLetterQueueOf, InvalidMessageError, type MessageDefinition, type MessageOptions, type PayloadOf } from './message.js';
export { MessageBus, type HandleOptions, type JobContext, type JobSettledEvent, type MessageHandler, type SendOptions } from './bus.js';
export { runOnce } from './run-once.js';
export { readQueueStats, type QueueStats, type QueueCounts } from './jobs.repository.js';
export { createBus, registerBus } from './register-bus.js';
