import { newId, withOwnerClient, type Database } from '../../../platform/db/index.js';
import { NATIONAL_CODE } from '../../entities/index.js';
import { descriptionFromParagraphs, descriptionText } from '../catalogue/event-description.js';

interface DemoEvent {
  entityCode: string;
  title: string;
  description: string;
  /** Days from today (negative: past), local hour in Paris. */
  inDays: number;
  hour: number;
  hours: number;
  place?: { name: string; address: string; postalCode: string; commune: string };
  onlineUrl?: string;
  capacity: number | null;
  priceCents: number;
  visibility: 'public' | 'members';
  /** Contacts of the entity to register (the last ones beyond capacity go on the waiting list). */
  registrations: number;
}

const DEMO_EVENTS: DemoEvent[] = [
  {
    entityCode: NATIONAL_CODE,
    title: 'Assemblée générale nationale',
    description: "Rapport moral et financier, vote des résolutions, élection du conseil d'administration.\nAccueil café dès 8 h 30.",
    inDays: 45, hour: 9, hours: 7,
    place: { name: 'Maison de la Chimie', address: '28 rue Saint-Dominique', postalCode: '75007', commune: 'Paris' },
    capacity: 300, priceCents: 0, visibility: 'members', registrations: 0,
  },
  {
    entityCode: NATIONAL_CODE,
    title: 'Webinaire : facturation électronique, êtes-vous prêts ?',
    description: "Calendrier de la réforme, plateformes agréées, formats Factur-X, UBL et CII : ce qui change pour les TPE et PME au 1er septembre 2026.",
    inDays: 12, hour: 11, hours: 1,
    onlineUrl: 'https://visio.example.org/webinaire-facturation-electronique',
    capacity: null, priceCents: 0, visibility: 'public', registrations: 0,
  },
  {
    entityCode: '69',
    title: 'Petit-déjeuner prévoyance',
    description: 'Prévoyance des dirigeants et des salariés : obligations conventionnelles, choix du contrat, questions-réponses avec un expert.',
    inDays: 9, hour: 8, hours: 2,
    place: { name: 'Union territoriale du Rhône', address: '12 quai Saint-Vincent', postalCode: '69001', commune: 'Lyon' },
    capacity: 5, priceCents: 0, visibility: 'public', registrations: 7,
  },
  {
    entityCode: '69',
    title: 'Soirée des adhérents du Rhône',
    description: "Rencontre conviviale des adhérents, remise des trophées de l'apprentissage.",
    inDays: -20, hour: 18, hours: 3,
    place: { name: 'Halle Tony Garnier', address: '20 place Docteurs Charles et Christophe Mérieux', postalCode: '69007', commune: 'Lyon' },
    capacity: 120, priceCents: 2500, visibility: 'members', registrations: 4,
  },
  {
    entityCode: '75',
    title: 'Atelier : recruter son premier apprenti',
    description: "Aides à l'embauche, contrat, maître d'apprentissage : un atelier pratique avec le CFA partenaire.",
    inDays: 20, hour: 14, hours: 3,
    place: { name: 'Union territoriale de Paris', address: '8 rue de Lutèce', postalCode: '75004', commune: 'Paris' },
    capacity: 25, priceCents: 0, visibility: 'public', registrations: 3,
  },
  {
    entityCode: '75',
    title: 'Petit-déjeuner prévoyance — Paris',
    description: 'Prévoyance et santé : le point sur les garanties obligatoires, avec un conseiller.',
    inDays: 33, hour: 8, hours: 2,
    place: { name: 'Café des Arts et Métiers', address: '51 rue de Turbigo', postalCode: '75003', commune: 'Paris' },
    capacity: 30, priceCents: 1500, visibility: 'public', registrations: 2,
  },
];

/** 9:00 in Paris on day `inDays` from today, as UTC (Paris is UTC+1 in winter, +2 in summer). */
function parisTime(inDays: number, hour: number): Date {
  const day = new Date(Date.now() + inDays * 86_400_000);
  const utc = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), hour);
  const parisHour = Number(new Intl.DateTimeFormat('en-GB', { hour: 'numeric', hourCycle: 'h23', timeZone: 'Europe/Paris' }).format(new Date(utc)));
  return new Date(utc - (parisHour - hour) * 3_600_000);
}

/**
 * French demo events of the national office, the Rhône and Paris, with a few registrations of each
 * entity's demo contacts (the Rhône breakfast is overbooked: two contacts wait). Runs as the owner
 * (seed, outside RLS); idempotent on (entity, title). Reads contact ids straight from the CRM table:
 * seed code only, no business rule involved.
 */
export async function seedEventsDemo(database: Database): Promise<{ created: number }> {
  return withOwnerClient(database, async (client) => {
    let created = 0;
    for (const demo of DEMO_EVENTS) {
      const entity = (await client.query<{ id: string }>('SELECT id FROM entities WHERE code = $1', [demo.entityCode])).rows[0];
      if (!entity) continue;
      const exists = await client.query('SELECT 1 FROM events WHERE entity_id = $1 AND title = $2', [entity.id, demo.title]);
      if ((exists.rowCount ?? 0) > 0) continue;
      const id = newId();
      const startsAt = parisTime(demo.inDays, demo.hour);
      const doc = descriptionFromParagraphs(demo.description);
      await client.query(
        `INSERT INTO events (id, entity_id, title, description, description_doc, starts_at, ends_at, place_name, place_address, place_postal_code, place_commune,
                             online_url, capacity, price_cents, visibility, status)
         VALUES ($1, $2, $3, $4, $15, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, 'published')`,
        [
          id, entity.id, demo.title, descriptionText(doc), startsAt, new Date(startsAt.getTime() + demo.hours * 3_600_000),
          demo.place?.name ?? null, demo.place?.address ?? null, demo.place?.postalCode ?? null, demo.place?.commune ?? null,
          demo.onlineUrl ?? null, demo.capacity, demo.priceCents, demo.visibility, JSON.stringify(doc),
        ],
      );
      const persons = await client.query<{ id: string }>('SELECT id FROM persons WHERE entity_id = $1 AND anonymized_at IS NULL ORDER BY id LIMIT $2', [
        entity.id,
        demo.registrations,
      ]);
      const past = demo.inDays < 0;
      for (const [index, person] of persons.rows.entries()) {
        const seated = demo.capacity === null || index < demo.capacity;
        const status = !seated ? 'waiting' : past ? 'attended' : 'registered';
        await client.query(
          `INSERT INTO event_registrations (id, entity_id, event_id, person_id, status, waiting_position, confirmed_at, checked_in_at)
           VALUES ($1, $2, $3, $4, $5, $6, CASE WHEN $5 <> 'waiting' THEN now() END, CASE WHEN $5 = 'attended' THEN $7::timestamptz END)`,
          [newId(), entity.id, id, person.id, status, seated ? null : index - demo.capacity! + 1, startsAt],
        );
      }
      created++;
    }
    return { created };
  });
}
