import type { InteractionKind } from '../interactions/interactions.tables.js';
import type { DemoCompany } from './company-generator.js';
import type { DemoContact } from './contact-generator.js';
import { demoUuid, weights } from './demo-random.js';

export interface DemoInteraction {
  id: string;
  kind: InteractionKind;
  occurredAt: Date;
  subject: string;
  bodyHtml: string | null;
  personId: string | null;
}

const KINDS = weights<InteractionKind>([
  ['call', 35],
  ['email', 25],
  ['meeting', 15],
  ['note', 15],
  ['event_attendance', 7],
  ['membership_change', 3],
]);

const SUBJECTS: Readonly<Record<InteractionKind, readonly string[]>> = {
  call: [
    "Appel : renouvellement de l'adhésion",
    'Appel : question sur la convention collective',
    'Appel : relance de la cotisation',
    "Appel : demande d'information sur l'apprentissage",
    'Appel : aide pour une déclaration sociale',
  ],
  email: ['Envoi de la documentation adhérent', 'Réponse à une question juridique', "Invitation à l'assemblée générale", 'Relance de cotisation'],
  meeting: ["Rendez-vous de présentation de l'union", "Visite de l'atelier", 'Point annuel avec le dirigeant', 'Accompagnement à la transmission'],
  note: ['Compte rendu de visite', 'Situation de l’entreprise', 'Besoins en formation', 'Projet de recrutement'],
  event_attendance: ['Participation : petit-déjeuner des entrepreneurs', 'Participation : salon régional des métiers', 'Participation : réunion sur la réforme fiscale'],
  membership_change: ['Adhésion enregistrée', "Fin d'adhésion", 'Réadhésion'],
};

const NOTE_BODIES = [
  '<p>Entreprise en croissance, deux recrutements prévus cette année.</p>',
  '<p>Le dirigeant souhaite être accompagné pour un <strong>départ en retraite</strong> d’ici deux ans.</p>',
  '<p>Intéressé par les formations sécurité ; à recontacter après la saison.</p>',
  '<p>Difficultés de trésorerie signalées, orienté vers le service juridique.</p>',
];

// 4 interactions per company on average: 1,000,000 for the 250,000 companies of `full`.
const MAX_PER_COMPANY = 8;
const LAST_DAY_MS = Date.UTC(2026, 10, 1);

/** The branch's timeline with the company and its contacts, oldest first. Sets the contacts' last interaction. */
export function generateInteractions(company: DemoCompany, contacts: readonly DemoContact[]): DemoInteraction[] {
  const { random } = company;
  const count = random.int(MAX_PER_COMPANY + 1);
  const start = company.createdAt.getTime();
  const items: DemoInteraction[] = [];
  for (let rank = 0; rank < count; rank += 1) {
    const kind = random.weighted(KINDS);
    const occurredAt = new Date(start + Math.floor(random.next() * (LAST_DAY_MS - start)));
    const person = contacts.length > 0 && random.chance(0.7) ? random.pick(contacts) : null;
    items.push({
      id: demoUuid(random, occurredAt.getTime()),
      kind,
      occurredAt,
      subject: random.pick(SUBJECTS[kind]),
      bodyHtml: kind === 'note' ? random.pick(NOTE_BODIES) : null,
      personId: person?.id ?? null,
    });
  }
  return items.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
}

/** The date of each contact's latest interaction (what the retention job reads). */
export function lastInteractionOf(interactions: readonly DemoInteraction[]): Map<string, Date> {
  const latest = new Map<string, Date>();
  for (const interaction of interactions) {
    if (interaction.personId) latest.set(interaction.personId, interaction.occurredAt);
  }
  return latest;
}
