import { addDays } from './calendar-dates.js';
import { duesYearOf, nextPeriod } from './membership-periods.js';
import type { MembershipStatus, PeriodKind } from './memberships.tables.js';

/** What the status rules need to know about a membership. */
export interface MembershipState {
  status: MembershipStatus;
  periodKind: PeriodKind;
  startedOn: string;
  currentPeriodStart: string;
  currentPeriodEnd: string;
  tacitRenewal: boolean;
  graceDays: number;
  /** The member type pays no dues (honoraire, gratuit…). */
  free: boolean;
}

/** Payments known on the day: the join invoice, and the dues years whose renewal invoice is paid. */
export interface PaymentState {
  joinPaid: boolean;
  paidRenewalYears: readonly number[];
}

export interface StatusStep {
  status: MembershipStatus;
  currentPeriodStart: string;
  currentPeriodEnd: string;
  /** The day the change takes effect (may be before `today` when the job catches up). */
  effectiveOn: string;
  /** French, shown in the history and on the CRM timeline. */
  reason: string;
}

/**
 * The one status change due on `today`, or null when the membership is where it should be (ADR 0020):
 * - pending → active once the join invoice is paid (or the type is free); → lapsed when its first
 *   period ended unpaid;
 * - active, after the period end: the renewal paid (or free and tacit) → active on the next period;
 *   unpaid and tacitly renewed → grace on the next period; unpaid without tacit renewal → lapsed;
 * - grace → active when the renewal is paid; → lapsed `graceDays` after the period started;
 * - lapsed and cancelled are final.
 * Pure: the daily job applies it until it answers null, which makes the job idempotent.
 */
export function nextStatus(membership: MembershipState, today: string, payments: PaymentState): StatusStep | null {
  const current = { start: membership.currentPeriodStart, end: membership.currentPeriodEnd };
  const step = (status: MembershipStatus, effectiveOn: string, reason: string, period = current): StatusStep => ({
    status,
    currentPeriodStart: period.start,
    currentPeriodEnd: period.end,
    effectiveOn,
    reason,
  });
  switch (membership.status) {
    case 'pending':
      if (membership.free) return step('active', today, 'Adhésion gratuite : adhésion active.');
      if (payments.joinPaid) return step('active', today, "Facture d'adhésion réglée : adhésion active.");
      if (today > current.end) return step('lapsed', addDays(current.end, 1), "Période d'adhésion terminée sans règlement de la facture d'adhésion.");
      return null;
    case 'active': {
      if (today <= current.end) return null;
      const next = nextPeriod(membership.periodKind, membership.startedOn, current);
      const year = duesYearOf(next);
      if (payments.paidRenewalYears.includes(year) || (membership.free && membership.tacitRenewal)) {
        return step('active', next.start, `Adhésion renouvelée pour la période ${year}.`, next);
      }
      if (membership.tacitRenewal) return step('grace', next.start, `Renouvellement tacite : cotisation ${year} en attente de règlement (délai de grâce).`, next);
      return step('lapsed', next.start, "Fin de la période d'adhésion sans renouvellement.");
    }
    case 'grace': {
      const year = duesYearOf(current);
      if (payments.paidRenewalYears.includes(year)) return step('active', today, `Cotisation ${year} réglée : adhésion de nouveau active.`);
      const lapsesOn = addDays(current.start, membership.graceDays);
      if (today >= lapsesOn) return step('lapsed', lapsesOn, `Délai de grâce écoulé sans règlement de la cotisation ${year}.`);
      return null;
    }
    default:
      return null;
  }
}

/** Every change due on `today`, in order (a job that did not run for a while catches up). */
export function settleStatus(membership: MembershipState, today: string, payments: PaymentState, maxSteps = 50): StatusStep[] {
  const steps: StatusStep[] = [];
  let state = membership;
  for (let i = 0; i < maxSteps; i += 1) {
    const step = nextStatus(state, today, payments);
    if (!step) break;
    steps.push(step);
    state = { ...state, status: step.status, currentPeriodStart: step.currentPeriodStart, currentPeriodEnd: step.currentPeriodEnd };
  }
  return steps;
}
