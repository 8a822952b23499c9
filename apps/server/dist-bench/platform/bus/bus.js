import { EventEmitter } from 'node:events';
import { PgBoss } from 'pg-boss';
import { assertValidPayload } from './message.js';
import { poolExecutor, txExecutor } from './executors.js';
import { BUS_SCHEMA, grantSendPrivileges } from './grants.js';
/**
 * The message bus: typed messages on pg-boss queues in our database. Messages are sent inside the
 * business transaction (a rollback sends nothing); handlers run on `worker`/`all` processes only.
 * Register messages, handlers and schedules while building the app; start() then creates the queues
 * (a PGlite send must never have to look a queue up: the transaction holds the only connection).
 */
export class MessageBus {
    #options;
    #registrations = new Map();
    #schedules = [];
    #events = new EventEmitter();
    #boss = null;
    #state = 'registering';
    constructor(options) {
        this.#options = options;
    }
    get runsWorkers() {
        return this.#options.role !== 'web';
    }
    get started() {
        return this.#state === 'started';
    }
    /** Declares a message that has no handler in this codebase (yet): it still needs its queue. */
    register(message) {
        this.#assertRegistering();
        const existing = this.#registrations.get(message.name);
        if (existing && existing.message !== message)
            throw new Error(`Two messages are named "${message.name}"`);
        if (!existing)
            this.#registrations.set(message.name, { message, concurrency: 1 });
    }
    handle(message, handler, options = {}) {
        this.register(message);
        const registration = this.#registrations.get(message.name);
        if (registration.handler)
            throw new Error(`Message "${message.name}" already has a handler`);
        registration.handler = handler;
        registration.concurrency = Math.max(1, options.concurrency ?? 1);
    }
    /** A recurring job (cron expression, UTC by default); workers send it, one job per occurrence network-wide. */
    schedule(message, cron, payload, options = {}) {
        assertValidPayload(message, payload);
        this.register(message);
        this.#schedules.push({ message, cron, payload, key: options.key ?? 'default', tz: options.tz ?? 'UTC' });
    }
    /** Listens to every processed job (completed, failed or rejected as invalid). */
    onJobSettled(listener) {
        this.#events.on('settled', listener);
        return () => this.#events.off('settled', listener);
    }
    /**
     * Sends a message inside the caller's transaction, through its connection: it is queued only if
     * the transaction commits. Resolves the job id (null when a singleton key suppressed it).
     */
    async send(tx, message, payload, options = {}) {
        assertValidPayload(message, payload);
        const boss = this.#requireStarted();
        if (this.#registrations.get(message.name)?.message !== message) {
            throw new Error(`Message "${message.name}" was not registered before the bus started (bus.register or bus.handle)`);
        }
        return boss.send(message.name, payload, { ...options, db: txExecutor(tx) });
    }
    /** Installs or upgrades pg-boss's schema, creates the queues, grants, schedules and starts the workers. */
    async start() {
        this.#assertRegistering();
        this.#state = 'starting';
        const { database, logger } = this.#options;
        const workers = this.runsWorkers;
        const boss = new PgBoss({
            db: poolExecutor(database.pool),
            backend: database.kind === 'pglite' ? 'pglite' : 'postgres',
            schema: BUS_SCHEMA,
            // Maintenance and cron only where jobs run: a web process just sends.
            supervise: workers,
            schedule: workers,
            instanceName: `maillage-${this.#options.role}`,
        });
        boss.on('error', (error) => logger.error({ err: error }, 'message bus error'));
        boss.on('warning', (warning) => logger.warn({ warning: warning.message }, 'message bus warning'));
        await boss.start();
        await grantSendPrivileges(database);
        for (const { message } of this.#registrations.values()) {
            if (message.deadLetter)
                await ensureQueue(boss, message.deadLetter, {});
            await ensureQueue(boss, message.name, {
                retryLimit: message.retryLimit,
                retryDelay: message.retryDelay,
                retryBackoff: message.retryBackoff,
                expireInSeconds: message.expireInSeconds,
                ...(message.deadLetter ? { deadLetter: message.deadLetter } : {}),
            });
        }
        // Re-read the queues so that every send hits pg-boss's cache and never queries on its own.
        await boss.getQueues();
        this.#boss = boss;
        if (workers) {
            await this.#syncSchedules(boss);
            for (const registration of this.#registrations.values()) {
                if (registration.handler)
                    await this.#work(boss, registration);
            }
        }
        this.#state = 'started';
        logger.info({ queues: this.#registrations.size, workers }, 'message bus started');
    }
    /** Stops fetching, lets running jobs finish within the stop timeout, then detaches from the pool. */
    async stop() {
        if (this.#state === 'stopped')
            return;
        this.#state = 'stopped';
        const boss = this.#boss;
        this.#boss = null;
        if (boss)
            await boss.stop({ graceful: true, timeout: this.#options.stopTimeoutMs ?? 20_000, close: false });
    }
    /** The registered messages, for the admin API (which queues are dead-letter queues). */
    messages() {
        return [...this.#registrations.values()].map((registration) => registration.message);
    }
    /** The underlying pg-boss instance, for the admin service only (retry, redrive). */
    get boss() {
        return this.#requireStarted();
    }
    async #syncSchedules(boss) {
        for (const schedule of this.#schedules) {
            await boss.schedule(schedule.message.name, schedule.cron, schedule.payload, { key: schedule.key, tz: schedule.tz });
        }
    }
    async #work(boss, registration) {
        const { message, handler, concurrency } = registration;
        const pollingIntervalSeconds = this.#options.pollingIntervalSeconds ?? (this.#options.database.kind === 'pglite' ? 2 : 1);
        await boss.work(message.name, { batchSize: 1, localConcurrency: concurrency, pollingIntervalSeconds, perJobResults: true }, async (jobs) => {
            const results = [];
            for (const job of jobs)
                results.push(await this.#process(message, handler, job));
            return results;
        });
    }
    async #process(message, handler, job) {
        const started = performance.now();
        const settle = (outcome, error) => {
            const event = { queue: job.name, jobId: job.id, outcome, durationMs: performance.now() - started, retryCount: job.retryCount };
            if (error !== undefined)
                event.error = error;
            this.#events.emit('settled', event);
        };
        const problems = message.problems(job.data);
        if (problems.length > 0) {
            // Retrying cannot fix a payload: straight to the dead-letter queue.
            this.#options.logger.error({ queue: job.name, jobId: job.id, problems }, 'message rejected: invalid payload');
            settle('rejected', 'invalid payload');
            return { id: job.id, status: 'deadletter', output: { message: 'invalid payload', problems } };
        }
        try {
            await handler(job.data, { id: job.id, queue: job.name, retryCount: job.retryCount, signal: job.signal });
        }
        catch (error) {
            const text = error instanceof Error ? error.message : String(error);
            this.#options.logger.warn({ queue: job.name, jobId: job.id, retryCount: job.retryCount, err: error }, 'job failed');
            settle('failed', text);
            // Failing here (rather than throwing) keeps pg-boss's per-job bookkeeping; it retries or dead-letters.
            return { id: job.id, status: 'failed', output: { message: text } };
        }
        settle('completed');
        return { id: job.id, status: 'completed' };
    }
    #assertRegistering() {
        if (this.#state !== 'registering')
            throw new Error('Messages, handlers and schedules must be registered before the bus starts');
    }
    #requireStarted() {
        if (!this.#boss || this.#state !== 'started')
            throw new Error('The message bus is not started');
        return this.#boss;
    }
}
/** createQueue leaves an existing queue alone; updateQueue then applies settings changed since. */
async function ensureQueue(boss, name, settings) {
    await boss.createQueue(name, settings);
    if (Object.keys(settings).length > 0)
        await boss.updateQueue(name, settings);
}
//# sourceMappingURL=bus.js.map