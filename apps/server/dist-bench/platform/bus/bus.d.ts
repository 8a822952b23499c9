import type { FastifyBaseLogger } from 'fastify';
import { PgBoss } from 'pg-boss';
import type { ProcessRole } from '../config/index.js';
import type { Database, Tx } from '../db/index.js';
import { type MessageDefinition, type PayloadOf } from './message.js';
/** What a handler knows about the job it processes. */
export interface JobContext {
    id: string;
    queue: string;
    /** 0 on the first attempt. */
    retryCount: number;
    /** Aborted when the job expires or the worker stops without grace. */
    signal: AbortSignal;
}
export type MessageHandler<M extends MessageDefinition> = (payload: PayloadOf<M>, job: JobContext) => Promise<void>;
export interface HandleOptions {
    /** Jobs of this message processed at once by this process (default 1). */
    concurrency?: number;
}
export interface SendOptions {
    /** Delay in seconds, or a date. */
    startAfter?: number | Date;
    /** Higher runs first. */
    priority?: number;
    /** At most one queued job per key (per queue policy). */
    singletonKey?: string;
}
/** Emitted once per processed job, for metrics (see platform/observability). */
export interface JobSettledEvent {
    queue: string;
    jobId: string;
    outcome: 'completed' | 'failed' | 'rejected';
    durationMs: number;
    retryCount: number;
    /** Failure message only; never the payload. */
    error?: string;
}
export interface MessageBusOptions {
    database: Database;
    role: ProcessRole;
    logger: FastifyBaseLogger;
    /** Idle poll interval of workers, seconds (pg-boss minimum 0.5). Defaults: 2 on PGlite, 1 on PostgreSQL. */
    pollingIntervalSeconds?: number;
    /** How long stop() lets running jobs finish, milliseconds (default 20 s). */
    stopTimeoutMs?: number;
}
/**
 * The message bus: typed messages on pg-boss queues in our database. Messages are sent inside the
 * business transaction (a rollback sends nothing); handlers run on `worker`/`all` processes only.
 * Register messages, handlers and schedules while building the app; start() then creates the queues
 * (a PGlite send must never have to look a queue up: the transaction holds the only connection).
 */
export declare class MessageBus {
    #private;
    constructor(options: MessageBusOptions);
    get runsWorkers(): boolean;
    get started(): boolean;
    /** Declares a message that has no handler in this codebase (yet): it still needs its queue. */
    register(message: MessageDefinition): void;
    handle<M extends MessageDefinition>(message: M, handler: MessageHandler<M>, options?: HandleOptions): void;
    /** A recurring job (cron expression, UTC by default); workers send it, one job per occurrence network-wide. */
    schedule<M extends MessageDefinition>(message: M, cron: string, payload: PayloadOf<M>, options?: {
        key?: string;
        tz?: string;
    }): void;
    /** Listens to every processed job (completed, failed or rejected as invalid). */
    onJobSettled(listener: (event: JobSettledEvent) => void): () => void;
    /**
     * Sends a message inside the caller's transaction, through its connection: it is queued only if
     * the transaction commits. Resolves the job id (null when a singleton key suppressed it).
     */
    send<M extends MessageDefinition>(tx: Tx, message: M, payload: PayloadOf<M>, options?: SendOptions): Promise<string | null>;
    /** Installs or upgrades pg-boss's schema, creates the queues, grants, schedules and starts the workers. */
    start(): Promise<void>;
    /** Stops fetching, lets running jobs finish within the stop timeout, then detaches from the pool. */
    stop(): Promise<void>;
    /** The registered messages, for the admin API (which queues are dead-letter queues). */
    messages(): MessageDefinition[];
    /** The underlying pg-boss instance, for the admin service only (retry, redrive). */
    get boss(): PgBoss;
}
