import { createRequire } from 'node:module';
import { postalCodeIndex, type Commune } from '../geography/postal-code-index.js';
import type { DemoRandom } from './demo-random.js';

interface CogPopulation {
  code: string;
  population?: number;
}

/** Communes without a census figure (a few overseas) still get a company now and then. */
const DEFAULT_POPULATION = 500;

export interface CommuneSampler {
  /** Every département of the geography, sorted: the first companies cover each of them once. */
  readonly departements: readonly string[];
  /** A commune of the département, weighted by population. */
  inDepartement(random: DemoRandom, departementCode: string): Commune;
  /** A commune anywhere, weighted by population: businesses are where people live. */
  anywhere(random: DemoRandom): Commune;
}

interface WeightedList {
  communes: Commune[];
  /** Cumulative weights, for a binary search. */
  cumulative: Float64Array;
}

let sampler: CommuneSampler | undefined;

/**
 * Real communes with their real postal codes, from the same geography the CRM validates addresses
 * against (La Poste + INSEE COG): every generated address resolves.
 */
export function communeSampler(): CommuneSampler {
  if (sampler) return sampler;
  const require = createRequire(import.meta.url);
  const populations = new Map(
    (require('@etalab/decoupage-administratif/data/communes.json') as CogPopulation[]).map((commune) => [commune.code, commune.population]),
  );
  const entries: Array<[Commune, number]> = [];
  const postalCodesOf = new Map<string, number>();
  for (const candidates of postalCodeIndex().values()) {
    for (const candidate of candidates) postalCodesOf.set(candidate.inseeCode, (postalCodesOf.get(candidate.inseeCode) ?? 0) + 1);
  }
  // Sorted by key so that the sampler does not depend on the order the index was built in.
  const keys = [...postalCodeIndex().keys()].sort();
  for (const postalCode of keys) {
    const candidates = postalCodeIndex().get(postalCode)!;
    for (const { aliases: _aliases, ...commune } of [...candidates].sort((a, b) => a.inseeCode.localeCompare(b.inseeCode))) {
      // La Poste still lists a few INSEE codes of merged communes that the COG no longer has (no
      // région), sometimes under the new commune's name: skip them, and the current commune too
      // when they make its name ambiguous for this postal code (an import could not resolve it).
      if (commune.regionCode === '' || candidates.some((other) => other.inseeCode !== commune.inseeCode && other.name === commune.name)) continue;
      // A commune served by several postal codes shares its population among them.
      const population = populations.get(commune.inseeCode) ?? DEFAULT_POPULATION;
      entries.push([commune, population / postalCodesOf.get(commune.inseeCode)!]);
    }
  }
  const all = weightedList(entries);
  const byDepartement = new Map<string, Array<[Commune, number]>>();
  for (const entry of entries) {
    const list = byDepartement.get(entry[0].departementCode) ?? [];
    list.push(entry);
    byDepartement.set(entry[0].departementCode, list);
  }
  const perDepartement = new Map([...byDepartement].map(([code, list]) => [code, weightedList(list)]));
  sampler = {
    departements: [...perDepartement.keys()].sort(),
    inDepartement: (random, code) => draw(random, perDepartement.get(code)!),
    anywhere: (random) => draw(random, all),
  };
  return sampler;
}

function weightedList(entries: ReadonlyArray<[Commune, number]>): WeightedList {
  const cumulative = new Float64Array(entries.length);
  let total = 0;
  entries.forEach(([, weight], index) => {
    total += weight;
    cumulative[index] = total;
  });
  return { communes: entries.map(([commune]) => commune), cumulative };
}

function draw(random: DemoRandom, list: WeightedList): Commune {
  const roll = random.next() * list.cumulative[list.cumulative.length - 1]!;
  let low = 0;
  let high = list.cumulative.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (list.cumulative[middle]! > roll) high = middle;
    else low = middle + 1;
  }
  return list.communes[low]!;
}
