import type { Tx } from '../../../platform/db/index.js';
import { countOccupiedSeats, firstWaiting, lastWaitingPosition, setRegistrationStatus, shiftWaitingList } from './registrations.repository.js';
import type { RegistrationRecord } from './registrations.schema.js';

/**
 * Seat rules (ADR 0022). Every function here must run after `lockEvent` in the same transaction:
 * the event row lock serialises the seat decisions of one event, so counting then writing is safe.
 */

export interface SeatedEvent {
  id: string;
  /** null: unlimited. */
  capacity: number | null;
}

export type SeatDecision = { status: 'registered'; waitingPosition: null } | { status: 'waiting'; waitingPosition: number };

/** A seat if one is free, else the next place in the waiting list. */
export async function allocateSeat(tx: Tx, event: SeatedEvent): Promise<SeatDecision> {
  if (event.capacity === null || (await countOccupiedSeats(tx, event.id)) < event.capacity) {
    return { status: 'registered', waitingPosition: null };
  }
  return { status: 'waiting', waitingPosition: (await lastWaitingPosition(tx, event.id)) + 1 };
}

/**
 * Gives the free seats to the head of the waiting list, in order, and moves the others up.
 * Called after a cancellation and after a capacity increase; returns the promoted registrations.
 */
export async function fillFreeSeats(tx: Tx, event: SeatedEvent): Promise<RegistrationRecord[]> {
  const free = event.capacity === null ? null : event.capacity - (await countOccupiedSeats(tx, event.id));
  if (free !== null && free <= 0) return [];
  const heads = await firstWaiting(tx, event.id, free);
  if (heads.length === 0) return [];
  const promoted: RegistrationRecord[] = [];
  for (const head of heads) promoted.push(await setRegistrationStatus(tx, head.id, 'registered'));
  await shiftWaitingList(tx, event.id, 0, heads.length);
  return promoted;
}

/** Takes a waiting registration out of the line (cancelled) and closes the gap behind it. */
export async function leaveWaitingList(tx: Tx, eventId: string, registration: RegistrationRecord): Promise<RegistrationRecord> {
  const cancelled = await setRegistrationStatus(tx, registration.id, 'cancelled');
  await shiftWaitingList(tx, eventId, registration.waitingPosition ?? 0, 1);
  return cancelled;
}
