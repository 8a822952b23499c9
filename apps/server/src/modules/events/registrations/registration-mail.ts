import type { Tx } from '../../../platform/db/index.js';
import { queueMail, registerMailTemplate } from '../../../platform/mail/index.js';
import { findPersonSummaries } from '../../crm/index.js';
import type { events } from '../catalogue/events.tables.js';
import type { RegistrationRecord } from './registrations.schema.js';

export type RegistrationNotice = 'confirmed' | 'waiting' | 'promoted' | 'cancelled';

/** Finds a contact's e-mail address in the caller's transaction; null when it has none (no mail then). */
export type RecipientLookup = (tx: Tx, personId: string) => Promise<string | null>;

/**
 * The contact's primary address from the CRM, under the transaction's RLS: a contact the acting
 * user cannot see (another branch's, registered by the national office) gets no mail from them.
 * Anonymised contacts get none either.
 */
export const crmRecipient: RecipientLookup = async (tx, personId) => {
  const person = (await findPersonSummaries(tx, [personId])).get(personId);
  return person && !person.anonymized ? person.primaryEmail : null;
};

const TEMPLATES: Record<RegistrationNotice, { name: string; subject: string; intro: string }> = {
  confirmed: {
    name: 'events.registration-confirmed',
    subject: 'Inscription confirmée : {{title}}',
    intro: 'Votre inscription à « {{title}} » est confirmée.',
  },
  waiting: {
    name: 'events.registration-waiting',
    subject: "Liste d'attente : {{title}}",
    intro: "L'événement « {{title}} » est complet : vous êtes inscrit(e) en liste d'attente, en position {{position}}. Nous vous écrirons dès qu'une place se libère.",
  },
  promoted: {
    name: 'events.registration-promoted',
    subject: 'Une place s’est libérée : {{title}}',
    intro: "Une place s'est libérée : votre inscription à « {{title}} » est désormais confirmée.",
  },
  cancelled: {
    name: 'events.event-cancelled',
    subject: 'Événement annulé : {{title}}',
    intro: "Nous sommes au regret de vous informer que l'événement « {{title}} », auquel vous étiez inscrit(e), est annulé.",
  },
};

/** Registered with the module (idempotent: same content each time). */
export function registerRegistrationMailTemplates(): void {
  for (const template of Object.values(TEMPLATES)) {
    registerMailTemplate({
      name: template.name,
      subject: template.subject,
      text: `Bonjour,\n\n${template.intro}\n\nDate : {{when}}\nLieu : {{where}}\n\nÀ bientôt,\n{{organiser}}`,
      html:
        `<p>Bonjour,</p><p>${template.intro}</p>` +
        '<p><strong>Date :</strong> {{when}}<br><strong>Lieu :</strong> {{where}}</p><p>À bientôt,<br>{{organiser}}</p>',
    });
  }
}

function whereOf(event: typeof events.$inferSelect): string {
  if (event.placeName) return [event.placeName, event.placeAddress, [event.placePostalCode, event.placeCommune].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return event.onlineUrl ?? 'à préciser';
}

/**
 * Queues the registration e-mail in the registering (or cancelling, for a promotion) transaction:
 * a rollback sends nothing. Transactional mail: no unsubscribe link.
 */
export async function notifyRegistration(tx: Tx, notice: RegistrationNotice, event: typeof events.$inferSelect, registration: RegistrationRecord, recipientOf: RecipientLookup = crmRecipient): Promise<void> {
  const to = await recipientOf(tx, registration.personId);
  if (!to) return;
  const when = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'full', timeStyle: 'short', timeZone: event.timezone }).format(event.startsAt);
  await queueMail(tx, {
    entityId: event.entityId,
    to,
    template: TEMPLATES[notice].name,
    data: { title: event.title, when, where: whereOf(event), position: registration.waitingPosition ?? '', organiser: 'L’équipe des événements' },
  });
}
