import { CURRENT_NAF_VERSION, parseNafCode } from '../classification/naf.js';
import type { Commune } from '../geography/postal-code-index.js';
import { generateSiren } from '../identifiers/siren.js';
import type { LinkStatus } from '../organizations/organizations.tables.js';
import { foldText } from '../text/fold-text.js';
import { communeSampler } from './demo-communes.js';
import { FAMILY_NAMES, STREET_NAMES, STREET_TYPES } from './demo-names.js';
import { DemoRandom, demoUuid, weights } from './demo-random.js';
import { DEMO_HEADCOUNT_BANDS, DEMO_LEGAL_FORMS, DEMO_TRADES, type DemoTrade } from './demo-trades.js';

export interface DemoCompany {
  index: number;
  id: string;
  siren: string;
  name: string;
  legalName: string;
  /** The family behind the business (in its name or not): its manager's name. */
  family: string;
  nafCode: string;
  legalForm: string;
  headcountBand: string;
  street: string;
  commune: Commune;
  website: string | null;
  phone: string | null;
  createdAt: Date;
  link: { id: string; status: LinkStatus };
  /** Domain of the website and of the contacts' addresses (reserved `.example` TLD: never deliverable). */
  domain: string;
  /** The company's own stream, for the rows that depend on it (contacts, interactions). */
  random: DemoRandom;
}

const TRADES = weights(DEMO_TRADES.map((trade) => [trade, trade.weight] as const));
const LEGAL_FORMS = weights(DEMO_LEGAL_FORMS.map(([code, label, weight]) => [{ code, label }, weight] as const));
const HEADCOUNT_BANDS = weights(DEMO_HEADCOUNT_BANDS);
const STREET_TYPE_CHOICES = weights(STREET_TYPES);
const LINK_STATUS_CHOICES = weights<LinkStatus>([
  ['prospect', 60],
  ['member', 32],
  ['former_member', 8],
]);
const PLACES = ['du Centre', 'de la Gare', 'du Marché', 'de la Place', 'du Port', 'des Halles', 'du Moulin', 'de la Mairie', 'des Sports', 'du Lac', 'du Château', 'des Arts'];

// Demo rows carry dates in the past few years, not the seeding time, so that a seed is reproducible.
const EPOCH_MS = Date.UTC(2026, 0, 1);
const DAY_MS = 86_400_000;
const SIREN_SPACE = 90_000_000;

for (const trade of DEMO_TRADES) {
  if (!parseNafCode(trade.naf).ok) throw new Error(`Demo trade ${trade.sign} has an unknown NAF code ${trade.naf}.`);
}

/**
 * The company of rank `index` in the demo data of `seed`. The first ranks visit every département
 * once (small and full alike cover all of France); after that communes are drawn by population.
 */
export function generateCompany(seed: number, index: number): DemoCompany {
  const random = new DemoRandom(seed, index);
  const communes = communeSampler();
  const commune =
    index < communes.departements.length ? communes.inDepartement(random, communes.departements[index]!) : communes.anywhere(random);
  const trade = random.weighted(TRADES);
  const family = random.pick(FAMILY_NAMES);
  const name = companyName(random, trade, family, commune);
  const legalForm = random.weighted(LEGAL_FORMS);
  const siren = generateSiren((((seed * 7_919_813) % SIREN_SPACE) + index) % SIREN_SPACE);
  const createdAt = new Date(EPOCH_MS - random.int(6 * 365) * DAY_MS + random.int(DAY_MS));
  const domain = `${slug(name)}-${siren.slice(6)}.example`;
  return {
    index,
    id: demoUuid(random, createdAt.getTime()),
    siren,
    name,
    legalName: legalForm.code === '1000' ? `${family.toUpperCase()} ${trade.sign.toUpperCase()}` : `${name.toUpperCase()} ${legalForm.label}`,
    family,
    nafCode: trade.naf,
    legalForm: legalForm.code,
    headcountBand: random.weighted(HEADCOUNT_BANDS),
    street: `${random.between(1, 120)}${random.chance(0.06) ? ' bis' : ''} ${random.weighted(STREET_TYPE_CHOICES)} ${random.pick(STREET_NAMES)}`,
    commune,
    website: random.chance(0.4) ? `https://www.${domain}` : null,
    phone: random.chance(0.8) ? fixedLinePhone(random, commune) : null,
    createdAt,
    link: { id: demoUuid(random, createdAt.getTime()), status: random.weighted(LINK_STATUS_CHOICES) },
    domain,
    random,
  };
}

export const DEMO_NAF_VERSION = CURRENT_NAF_VERSION;

function companyName(random: DemoRandom, trade: DemoTrade, family: string, commune: Commune): string {
  const form = random.int(100);
  if (form < 45) return `${trade.sign} ${family}`;
  if (form < 58) return `${trade.sign} ${family} et Fils`;
  if (form < 73) return `${trade.sign} ${random.pick(PLACES)}`;
  if (form < 88) return `${trade.sign} ${ofCity(commune.name)}`;
  return `${random.chance(0.5) ? 'Maison' : 'Établissements'} ${family}`;
}

/** "de Lyon", "d'Ajaccio", "du Havre", "des Sables-d'Olonne"; arrondissements name their city. */
function ofCity(communeName: string): string {
  const city = communeName.replace(/ \d+(er|e) Arrondissement$/, '');
  if (city.startsWith('Le ')) return `du ${city.slice(3)}`;
  if (city.startsWith('Les ')) return `des ${city.slice(4)}`;
  return /^[AEIOUYÉÈÎÔ]/i.test(city) ? `d'${city}` : `de ${city}`;
}

function slug(text: string): string {
  return foldText(text).replace(/ /g, '-').slice(0, 40).replace(/-+$/, '');
}

/**
 * Fixed lines in the ranges ARCEP reserves for fiction (01 99 00…, 02 61 91…, 03 53 01…, 04 65 71…,
 * 05 36 49…): demo numbers that can never ring anyone. Overseas companies have none.
 */
const FICTION_PREFIX_OF_ZONE: Readonly<Record<string, string>> = { '1': '+33199', '2': '+33261', '3': '+33353', '4': '+33465', '5': '+33536' };
const FICTION_SECOND_PAIR: Readonly<Record<string, string>> = { '1': '00', '2': '91', '3': '01', '4': '71', '5': '49' };
const ZONE_OF_REGION: Readonly<Record<string, string>> = {
  '11': '1',
  '24': '2',
  '28': '2',
  '52': '2',
  '53': '2',
  '27': '3',
  '32': '3',
  '44': '3',
  '84': '4',
  '93': '4',
  '94': '4',
  '75': '5',
  '76': '5',
};

function fixedLinePhone(random: DemoRandom, commune: Commune): string | null {
  const zone = ZONE_OF_REGION[commune.regionCode];
  if (!zone) return null;
  return `${FICTION_PREFIX_OF_ZONE[zone]}${FICTION_SECOND_PAIR[zone]}${String(random.int(10_000)).padStart(4, '0')}`;
}
