import type { AffiliationRole } from '../persons/persons.tables.js';
import { foldText } from '../text/fold-text.js';
import type { DemoCompany } from './company-generator.js';
import { FAMILY_NAMES, FEMALE_FIRST_NAMES, JOB_TITLES, MALE_FIRST_NAMES } from './demo-names.js';
import { demoUuid, weights } from './demo-random.js';

export interface DemoContact {
  id: string;
  civility: 'M' | 'MME';
  firstName: string;
  lastName: string;
  jobTitle: string;
  phone: string | null;
  email: { id: string; address: string };
  affiliation: { id: string; role: AffiliationRole; startsOn: string; isPrimary: boolean };
  newsletterConsent: { id: string; status: 'granted' | 'withdrawn' } | null;
  createdAt: Date;
}

// 1.6 contacts per company on average: 400,000 for the 250,000 companies of `full`.
const CONTACTS_PER_COMPANY = weights([
  [0, 10],
  [1, 42],
  [2, 30],
  [3, 14],
  [4, 4],
]);
const TITLES = weights(JOB_TITLES.map(([title, role, weight]) => [{ title, role }, weight] as const));
const DAY_MS = 86_400_000;

/** The people a branch knows at the company: drawn from the company's own stream, after its identity. */
export function generateContacts(company: DemoCompany): DemoContact[] {
  const { random } = company;
  const count = random.weighted(CONTACTS_PER_COMPANY);
  const usedAddresses = new Set<string>();
  const contacts: DemoContact[] = [];
  for (let rank = 0; rank < count; rank += 1) {
    const female = random.chance(0.5);
    const firstName = random.pick(female ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES);
    // The manager of "Boulangerie Martin" is usually a Martin.
    const lastName = rank === 0 && random.chance(0.7) ? company.family : random.pick(FAMILY_NAMES);
    const { title, role } = rank === 0 ? { title: female ? 'Gérante' : 'Gérant', role: 'dirigeant' as const } : random.weighted(TITLES);
    let local = `${foldText(firstName).replace(/ /g, '-')}.${foldText(lastName).replace(/ /g, '-')}`;
    if (usedAddresses.has(local)) local = `${local}${rank}`;
    usedAddresses.add(local);
    const createdAt = new Date(company.createdAt.getTime() + random.int(365) * DAY_MS);
    contacts.push({
      id: demoUuid(random, createdAt.getTime()),
      civility: female ? 'MME' : 'M',
      firstName,
      lastName,
      jobTitle: title,
      // ARCEP's range for fiction (06 39 98 xx xx): never a real subscriber.
      phone: random.chance(0.7) ? `+3363998${String(random.int(10_000)).padStart(4, '0')}` : null,
      email: { id: demoUuid(random, createdAt.getTime()), address: `${local}@${company.domain}` },
      affiliation: { id: demoUuid(random, createdAt.getTime()), role, startsOn: createdAt.toISOString().slice(0, 10), isPrimary: rank === 0 },
      newsletterConsent: random.chance(0.35)
        ? { id: demoUuid(random, createdAt.getTime()), status: random.chance(0.85) ? 'granted' : 'withdrawn' }
        : null,
      createdAt,
    });
  }
  return contacts;
}
