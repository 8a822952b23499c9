import { EventEmitter } from 'node:events';
import type { FastifyBaseLogger } from 'fastify';
import { PgBoss, type Job, type Queue } from 'pg-boss';
import type { ProcessRole } from '../config/index.js';
import type { Database, Tx } from '../db/index.js';
import { assertValidPayload, type MessageDefinition, type PayloadOf } from './message.js';
import { poolExecutor, txExecutor } from './executors.js';
import { BUS_SCHEMA, grantSendPrivileges } from './grants.js';

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
  /**
   * PostgreSQL only: running jobs send a heartbeat; a job whose worker died (SIGKILL, lost node) is
   * retried once this many seconds pass without one, instead of waiting for its expiry. Not on
   * PGlite: its one connection is held by a handler's transaction, which would starve the heartbeat.
   */
  heartbeatSeconds?: number;
  /** How often workers reclaim expired and silent jobs, seconds (default 30). */
  superviseIntervalSeconds?: number;
}

interface Registration {
  message: MessageDefinition;
  handler?: (payload: unknown, job: JobContext) => Promise<void>;
  concurrency: number;
}

interface ScheduleRegistration {
  message: MessageDefinition;
  cron: string;
  payload: unknown;
  key: string;
  tz: string;
}

/**
 * The message bus: typed messages on pg-boss queues in our database. Messages are sent inside the
 * business transaction (a rollback sends nothing); handlers run on `worker`/`all` processes only.
 * Register messages, handlers and schedules while building the app; start() then creates the queues
 * (a PGlite send must never have to look a queue up: the transaction holds the only connection).
 */
export class MessageBus {
  readonly #options: MessageBusOptions;
  readonly #registrations = new Map<string, Registration>();
  readonly #schedules: ScheduleRegistration[] = [];
  readonly #events = new EventEmitter<{ settled: [JobSettledEvent] }>();
  #boss: PgBoss | null = null;
  #state: 'registering' | 'starting' | 'started' | 'stopped' = 'registering';

  constructor(options: MessageBusOptions) {
    this.#options = options;
  }

  get runsWorkers(): boolean {
    return this.#options.role !== 'web';
  }

  get started(): boolean {
    return this.#state === 'started';
  }

  /** Declares a message that has no handler in this codebase (yet): it still needs its queue. */
  register(message: MessageDefinition): void {
    this.#assertRegistering();
    const existing = this.#registrations.get(message.name);
    if (existing && existing.message !== message) throw new Error(`Two messages are named "${message.name}"`);
    if (!existing) this.#registrations.set(message.name, { message, concurrency: 1 });
  }

  handle<M extends MessageDefinition>(message: M, handler: MessageHandler<M>, options: HandleOptions = {}): void {
    this.register(message);
    const registration = this.#registrations.get(message.name)!;
    if (registration.handler) throw new Error(`Message "${message.name}" already has a handler`);
    registration.handler = handler as (payload: unknown, job: JobContext) => Promise<void>;
    registration.concurrency = Math.max(1, options.concurrency ?? 1);
  }

  /** A recurring job (cron expression, UTC by default); workers send it, one job per occurrence network-wide. */
  schedule<M extends MessageDefinition>(message: M, cron: string, payload: PayloadOf<M>, options: { key?: string; tz?: string } = {}): void {
    assertValidPayload(message, payload);
    this.register(message);
    this.#schedules.push({ message, cron, payload, key: options.key ?? 'default', tz: options.tz ?? 'UTC' });
  }

  /** Listens to every processed job (completed, failed or rejected as invalid). */
  onJobSettled(listener: (event: JobSettledEvent) => void): () => void {
    this.#events.on('settled', listener);
    return () => this.#events.off('settled', listener);
  }

  /**
   * Sends a message inside the caller's transaction, through its connection: it is queued only if
   * the transaction commits. Resolves the job id (null when a singleton key suppressed it).
   */
  async send<M extends MessageDefinition>(tx: Tx, message: M, payload: PayloadOf<M>, options: SendOptions = {}): Promise<string | null> {
    assertValidPayload(message, payload);
    const boss = this.#requireStarted();
    if (this.#registrations.get(message.name)?.message !== message) {
      throw new Error(`Message "${message.name}" was not registered before the bus started (bus.register or bus.handle)`);
    }
    return boss.send(message.name, payload as object, { ...options, db: txExecutor(tx) });
  }

  /** Installs or upgrades pg-boss's schema, creates the queues, grants, schedules and starts the workers. */
  async start(): Promise<void> {
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
      superviseIntervalSeconds: this.#options.superviseIntervalSeconds ?? 30,
      monitorIntervalSeconds: this.#options.superviseIntervalSeconds ?? 30,
    });
    boss.on('error', (error) => logger.error({ err: error }, 'message bus error'));
    boss.on('warning', (warning) => logger.warn({ warning: warning.message }, 'message bus warning'));
    try {
      await this.#install(boss);
    } catch (error) {
      // Leave no timers behind: a failed boot must let the process exit.
      await boss.stop({ graceful: false, close: false }).catch(() => {});
      this.#boss = null;
      this.#state = 'stopped';
      throw error;
    }
    this.#state = 'started';
    logger.info({ queues: this.#registrations.size, workers }, 'message bus started');
  }

  async #install(boss: PgBoss): Promise<void> {
    const { database } = this.#options;
    await boss.start();
    await grantSendPrivileges(database);
    for (const { message } of this.#registrations.values()) {
      if (message.deadLetter) await ensureQueue(boss, message.deadLetter, {});
      await ensureQueue(boss, message.name, {
        retryLimit: message.retryLimit,
        retryDelay: message.retryDelay,
        retryBackoff: message.retryBackoff,
        expireInSeconds: message.expireInSeconds,
        ...this.#heartbeat(),
        ...(message.deadLetter ? { deadLetter: message.deadLetter } : {}),
      });
    }
    this.#boss = boss;
    if (this.runsWorkers) {
      await this.#syncSchedules(boss);
      for (const registration of this.#registrations.values()) {
        if (registration.handler) await this.#work(boss, registration);
      }
    }
  }

  #heartbeat(): Pick<QueueSettings, 'heartbeatSeconds'> {
    const { database, heartbeatSeconds } = this.#options;
    return database.kind === 'postgres' && heartbeatSeconds !== undefined ? { heartbeatSeconds } : {};
  }

  /** Stops fetching, lets running jobs finish within the stop timeout, then detaches from the pool. */
  async stop(): Promise<void> {
    if (this.#state === 'stopped') return;
    this.#state = 'stopped';
    const boss = this.#boss;
    this.#boss = null;
    if (boss) await boss.stop({ graceful: true, timeout: this.#options.stopTimeoutMs ?? 20_000, close: false });
  }

  /** The registered messages, for the admin API (which queues are dead-letter queues). */
  messages(): MessageDefinition[] {
    return [...this.#registrations.values()].map((registration) => registration.message);
  }

  /** The underlying pg-boss instance, for the admin service only (retry, redrive). */
  get boss(): PgBoss {
    return this.#requireStarted();
  }

  /** Schedules live in the database: the code's list replaces them, so a schedule removed from the code stops. */
  async #syncSchedules(boss: PgBoss): Promise<void> {
    const wanted = new Set(this.#schedules.map((schedule) => `${schedule.message.name}\u0000${schedule.key}`));
    for (const existing of await boss.getSchedules()) {
      if (!existing.name.startsWith('__pgboss__') && !wanted.has(`${existing.name}\u0000${existing.key}`)) {
        await boss.unschedule(existing.name, existing.key);
      }
    }
    for (const schedule of this.#schedules) {
      await boss.schedule(schedule.message.name, schedule.cron, schedule.payload as object, { key: schedule.key, tz: schedule.tz });
    }
  }

  async #work(boss: PgBoss, registration: Registration): Promise<void> {
    const { message, handler, concurrency } = registration;
    const pollingIntervalSeconds = this.#options.pollingIntervalSeconds ?? (this.#options.database.kind === 'pglite' ? 2 : 1);
    await boss.work<unknown>(
      message.name,
      { batchSize: 1, localConcurrency: concurrency, pollingIntervalSeconds, perJobResults: true },
      async (jobs) => {
        const results = [];
        for (const job of jobs) results.push(await this.#process(message, handler!, job));
        return results;
      },
    );
  }

  async #process(message: MessageDefinition, handler: NonNullable<Registration['handler']>, job: Job<unknown>) {
    const started = performance.now();
    const settle = (outcome: JobSettledEvent['outcome'], error?: string) => {
      const event: JobSettledEvent = { queue: job.name, jobId: job.id, outcome, durationMs: performance.now() - started, retryCount: job.retryCount };
      if (error !== undefined) event.error = error;
      this.#events.emit('settled', event);
    };
    const problems = message.problems(job.data);
    if (problems.length > 0) {
      // Retrying cannot fix a payload: straight to the dead-letter queue.
      this.#options.logger.error({ queue: job.name, jobId: job.id, problems }, 'message rejected: invalid payload');
      settle('rejected', 'invalid payload');
      return { id: job.id, status: 'deadletter' as const, output: { message: 'invalid payload', problems } };
    }
    try {
      await handler(job.data, { id: job.id, queue: job.name, retryCount: job.retryCount, signal: job.signal });
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      this.#options.logger.warn({ queue: job.name, jobId: job.id, retryCount: job.retryCount, err: error }, 'job failed');
      settle('failed', text);
      // Failing here (rather than throwing) keeps pg-boss's per-job bookkeeping; it retries or dead-letters.
      return { id: job.id, status: 'failed' as const, output: { message: text } };
    }
    settle('completed');
    return { id: job.id, status: 'completed' as const };
  }

  #assertRegistering(): void {
    if (this.#state !== 'registering') throw new Error('Messages, handlers and schedules must be registered before the bus starts');
  }

  #requireStarted(): PgBoss {
    if (!this.#boss || this.#state !== 'started') throw new Error('The message bus is not started');
    return this.#boss;
  }
}

type QueueSettings = Pick<Queue, 'retryLimit' | 'retryDelay' | 'retryBackoff' | 'expireInSeconds' | 'deadLetter' | 'heartbeatSeconds'>;

/**
 * createQueue leaves an existing queue alone; updateQueue then applies settings changed since.
 * Both put the queue in pg-boss's cache, so a send never has to look it up (see the class comment).
 */
async function ensureQueue(boss: PgBoss, name: string, settings: QueueSettings): Promise<void> {
  await boss.createQueue(name, settings);
  if (Object.keys(settings).length > 0) await boss.updateQueue(name, settings);
}
