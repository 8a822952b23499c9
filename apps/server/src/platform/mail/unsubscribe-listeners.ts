import type { Tx } from '../db/index.js';
import type { UnsubscribeClaim } from './unsubscribe-token.js';

export type UnsubscribeListener = (tx: Tx, claim: UnsubscribeClaim) => Promise<void>;

const listeners: UnsubscribeListener[] = [];

/**
 * Lets a module act on an opt-out inside the transaction that records it (the platform may not
 * import modules): the CRM withdraws the person's consent on the matching channel. The
 * transaction runs with the system scope.
 */
export function onUnsubscribe(listener: UnsubscribeListener): void {
  if (!listeners.includes(listener)) listeners.push(listener);
}

export async function notifyUnsubscribed(tx: Tx, claim: UnsubscribeClaim): Promise<void> {
  for (const listener of listeners) await listener(tx, claim);
}
