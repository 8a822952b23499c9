import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** A commune a postal code serves, with what is needed to attach a member to the network. */
export interface Commune {
  /** INSEE (COG) code; Paris, Lyon and Marseille use their arrondissement codes (`75101`), as SIRENE does. */
  readonly inseeCode: string;
  readonly name: string;
  readonly postalCode: string;
  /** `01`…`95`, `2A`/`2B` for Corsica, `971`…`976` overseas, `977`/`978` for Saint-Barthélemy/Saint-Martin. */
  readonly departementCode: string;
  readonly regionCode: string;
}

export interface CommuneCandidate extends Commune {
  /** Other names the commune answers to: La Poste delivery labels, former (delegated/associated) communes. One candidate per commune and postal code. */
  readonly aliases: readonly string[];
}

interface LaPosteEntry {
  codePostal: string;
  codeCommune: string;
  nomCommune: string;
  libelleAcheminement: string;
}

interface CogCommune {
  code: string;
  nom: string;
  type: 'commune-actuelle' | 'commune-deleguee' | 'commune-associee' | 'arrondissement-municipal';
  departement: string;
  region: string;
  chefLieu?: string;
  /** The city of a municipal arrondissement. */
  commune?: string;
  codesPostaux?: string[];
}

const require = createRequire(import.meta.url);

/**
 * The Pacific collectivités (986 Wallis-et-Futuna, 987 Polynésie, 988 Nouvelle-Calédonie) and the
 * TAAF (984) keep their own business registers (no SIREN) and have no union: outside the network.
 * Saint-Pierre-et-Miquelon (975), Saint-Barthélemy (977) and Saint-Martin (978) are in SIRENE: kept.
 */
export function isDepartementInScope(departementCode: string): boolean {
  return !departementCode.startsWith('98');
}

/** The département part of an INSEE commune code, for communes missing from the COG snapshot. */
function departementOfInseeCode(inseeCode: string): string {
  return inseeCode.startsWith('97') ? inseeCode.slice(0, 3) : inseeCode.slice(0, 2);
}

let index: Map<string, CommuneCandidate[]> | undefined;

const readJson = <T>(specifier: string): T => JSON.parse(readFileSync(require.resolve(specifier), 'utf8')) as T;

/**
 * Postal code → communes, merged from La Poste's base (`codes-postaux`: delivery labels, arrondissements)
 * and INSEE's COG (`@etalab/decoupage-administratif`: départements, régions, merged communes, and the
 * 97133/97150 codes La Poste's file lacks). Built once, on first use (~35,000 entries).
 */
export function postalCodeIndex(): Map<string, CommuneCandidate[]> {
  if (index) return index;
  // Parsed here rather than `require`d: the module cache would keep both sources (~15 MB of heap) for the life of the process.
  const laPoste = readJson<LaPosteEntry[]>('codes-postaux/codes-postaux.json');
  const cog = readJson<CogCommune[]>('@etalab/decoupage-administratif/data/communes.json');

  // A commune nouvelle shares its code with its chef-lieu delegated commune: prefer the current one.
  const current = new Map<string, CogCommune>();
  for (const commune of cog) {
    if (commune.type === 'commune-actuelle' || (commune.type === 'arrondissement-municipal' && !current.has(commune.code))) {
      current.set(commune.code, commune);
    }
  }
  // Paris, Lyon and Marseille are located by arrondissement (as in La Poste's base), not as a whole.
  const dividedCities = new Set(cog.flatMap((commune) => (commune.type === 'arrondissement-municipal' && commune.commune ? [commune.commune] : [])));
  const formerNames = new Map<string, string[]>();
  // La Poste still files some communes nouvelles under a former commune's code (69640 "Porte des
  // Pierres Dorées" under 69159, Pouilly-le-Monial's): SIRENE uses the current commune's code.
  const currentCodeOfFormer = new Map<string, string>();
  for (const commune of cog) {
    if ((commune.type === 'commune-deleguee' || commune.type === 'commune-associee') && commune.chefLieu) {
      formerNames.set(commune.chefLieu, [...(formerNames.get(commune.chefLieu) ?? []), commune.nom]);
      if (!current.has(commune.code)) currentCodeOfFormer.set(commune.code, commune.chefLieu);
    }
  }

  const byKey = new Map<string, { commune: Commune; aliases: Set<string> }>();
  const add = (postalCode: string, filedCode: string, name: string, alias?: string): void => {
    const inseeCode = currentCodeOfFormer.get(filedCode) ?? filedCode;
    const key = `${postalCode}|${inseeCode}`;
    let entry = byKey.get(key);
    if (!entry) {
      const cogCommune = current.get(inseeCode);
      const departementCode = cogCommune?.departement ?? departementOfInseeCode(inseeCode);
      if (!isDepartementInScope(departementCode)) return;
      entry = {
        commune: { inseeCode, name: cogCommune?.nom ?? name, postalCode, departementCode, regionCode: cogCommune?.region ?? '' },
        aliases: new Set(formerNames.get(inseeCode) ?? []),
      };
      byKey.set(key, entry);
    }
    entry.aliases.add(name);
    if (alias) entry.aliases.add(alias);
  };
  for (const entry of laPoste) add(entry.codePostal, entry.codeCommune, entry.nomCommune, entry.libelleAcheminement);
  for (const commune of current.values()) {
    if (dividedCities.has(commune.code)) continue;
    for (const postalCode of commune.codesPostaux ?? []) add(postalCode, commune.code, commune.nom);
  }

  index = new Map();
  for (const { commune, aliases } of byKey.values()) {
    aliases.delete(commune.name);
    const list = index.get(commune.postalCode) ?? [];
    list.push({ ...commune, aliases: [...aliases] });
    index.set(commune.postalCode, list);
  }
  return index;
}
