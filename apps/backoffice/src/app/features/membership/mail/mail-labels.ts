import type { ResponseOf } from '../../../core/api/api-types';

export type OutboxMail = ResponseOf<'/api/v1/mail/outbox'>['items'][number];
export type OutboxMailDetail = ResponseOf<'/api/v1/mail/outbox/{id}'>;

export const MAIL_STATUS_LABELS: Record<string, string> = {
  queued: $localize`:@@mail.queued:En attente`,
  sending: $localize`:@@mail.sending:En cours d'envoi`,
  sent: $localize`:@@mail.sent:Envoyé`,
  failed: $localize`:@@mail.failed:Échec`,
  kept: $localize`:@@mail.kept:Conservé (sans serveur SMTP)`,
  suppressed: $localize`:@@mail.suppressed:Non envoyé (désinscrit)`,
};

/** 2026-03-15T09:05:00Z → 15/03/2026 10:05 (Paris). */
export function frenchDateTime(iso: string | null): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
}
