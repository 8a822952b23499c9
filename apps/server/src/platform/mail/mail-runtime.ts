import type pg from 'pg';
import type { Transporter } from 'nodemailer';
import type { MessageBus } from '../bus/index.js';
import type { Tx } from '../db/index.js';
import type { UnsubscribeTokens } from './unsubscribe-token.js';

/** What queueing and delivery need from the app that owns the database connection. */
export interface MailRuntime {
  bus: MessageBus;
  /** null in embedded mode (no SMTP configured): mail is kept in the outbox. */
  transport: Transporter | null;
  tokens: UnsubscribeTokens;
  publicUrl: string;
  from: string;
}

const RUNTIME = Symbol('maillage.mailRuntime');
type Tagged = { [RUNTIME]?: MailRuntime };

/**
 * `queueMail(tx, …)` is called deep inside other modules' services that hold only a transaction.
 * Each connection of the application pool (where transactions run) is tagged with its app's mail
 * runtime whenever it is checked out, so the transaction's connection leads back to the right bus
 * and transport, even with several apps (tests) in one process.
 */
export function attachMailRuntime(pool: pg.Pool, runtime: MailRuntime): void {
  pool.on('acquire', (client) => {
    (client as unknown as Tagged)[RUNTIME] = runtime;
  });
}

export function mailRuntimeOf(tx: Tx): MailRuntime | undefined {
  return (tx.client as unknown as Tagged)[RUNTIME];
}
