import { ok, violation, type RuleResult } from '../rule-result.js';
import { detachedCopy } from '../text/detached-copy.js';
import { boundedLevenshtein, communeKeys, communeNameKey } from './commune-name.js';
import { isDepartementInScope, postalCodeIndex, type Commune, type CommuneCandidate } from './postal-code-index.js';

export interface ResolvedCommune extends Commune {
  /** `exact`: the name matched; `approximate`: one typo-level difference; `only-commune`: no name, one commune. */
  readonly matchedBy: 'exact' | 'approximate' | 'only-commune';
}

const CEDEX = /\bcedex\b/i;

function toCommune({ aliases: _aliases, ...commune }: CommuneCandidate): Commune {
  return commune;
}

function resolved(candidate: CommuneCandidate, matchedBy: ResolvedCommune['matchedBy']): ResolvedCommune {
  return Object.freeze({ ...toCommune(candidate), matchedBy });
}

function listNames(candidates: readonly CommuneCandidate[]): string {
  const names = [...new Set(candidates.map((candidate) => candidate.name))].sort((a, b) => a.localeCompare(b, 'fr'));
  return names.length > 8 ? `${names.slice(0, 8).join(', ')}…` : names.join(', ');
}

/**
 * The communes a postal code serves. Excel drops the leading zero of `01000`, so 4 digits are
 * padded back. CEDEX codes are not in the geographic base and are refused: a member's address
 * must locate its commune.
 */
export function findCommunesByPostalCode(input: string): RuleResult<Commune[]> {
  const result = postalCodeCandidates(input);
  return result.ok ? ok(result.value.map(toCommune)) : result;
}

function postalCodeCandidates(input: string): RuleResult<CommuneCandidate[]> {
  const shown = input.trim();
  if (shown === '') return violation('postal_code_required', 'Le code postal est obligatoire.');
  if (CEDEX.test(shown)) {
    return violation('postal_code_cedex', `« ${shown} » est une adresse CEDEX : indiquez le code postal géographique de la commune.`);
  }
  const compact = shown.replace(/[\s\u00a0\u202f]/g, '');
  if (!/^\d{4,5}$/.test(compact)) {
    return violation('postal_code_format', `Le code postal « ${shown} » doit compter 5 chiffres.`);
  }
  const postalCode = compact.padStart(5, '0');
  const candidates = postalCodeIndex().get(postalCode);
  if (candidates) return ok(candidates);
  if (postalCode.startsWith('98') && !isDepartementInScope(postalCode.slice(0, 3))) {
    return violation(
      'postal_code_out_of_scope',
      `Le code postal ${postalCode} est celui de Monaco ou d'une collectivité du Pacifique, qui n'ont pas de SIREN : hors du réseau.`,
    );
  }
  return violation(
    'postal_code_unknown',
    `Le code postal ${postalCode} n'existe pas (ou c'est un code CEDEX, réservé au courrier : indiquez le code postal de la commune).`,
  );
}

interface KeyedCandidate {
  readonly candidate: CommuneCandidate;
  readonly nameKeys: readonly string[];
  readonly aliasKeys: readonly string[];
}

/** The commune a name designates, ready to hand out: a row after row import gets the same object. */
type NameMatch = ResolvedCommune | undefined;

interface PostalCodeMatcher {
  readonly keyed: readonly KeyedCandidate[];
  /** Outcome by folded name without spaces ("Saint Denis" and "Saintdenis" are the same name), for every name and alias of the code's communes. */
  readonly exact: Map<string, NameMatch>;
  /** Outcome by name as typed: an import spells the same commune the same way row after row. */
  readonly matches: Map<string, NameMatch>;
  /** The answer without a name, when the postal code serves a single commune. */
  onlyCommune?: ResolvedCommune;
}

/** Spellings remembered per postal code: enough for a file's variants, bounded for a long-lived process. */
const MATCHES_PER_POSTAL_CODE = 8;

// Folding names is the costly part of a lookup; an import resolves the same communes again and
// again. Kept per candidate list: the postal-code index answers the same array for a given code.
const matchers = new WeakMap<readonly CommuneCandidate[], PostalCodeMatcher>();

const compact = (key: string): string => key.replace(/ /g, '');

function keyed(candidate: CommuneCandidate): KeyedCandidate {
  return { candidate, nameKeys: [...communeKeys([candidate.name])], aliasKeys: [...communeKeys(candidate.aliases)] };
}

/**
 * Official names first: La Poste labels 75016 "PARIS" for Boulogne-Billancourt too, and "Paris" must
 * mean Paris 16e; an alias counts only for a key no official name has. The index holds one candidate
 * per commune, so one match is one commune; a key two communes share designates neither.
 */
function exactMatches(keyed: readonly KeyedCandidate[]): Map<string, NameMatch> {
  const exact = new Map<string, NameMatch>();
  for (const tier of ['nameKeys', 'aliasKeys'] as const) {
    const communesByKey = new Map<string, Set<CommuneCandidate>>();
    for (const entry of keyed) {
      for (const key of entry[tier].map(compact)) communesByKey.set(key, (communesByKey.get(key) ?? new Set()).add(entry.candidate));
    }
    for (const [key, communes] of communesByKey) {
      if (!exact.has(key)) exact.set(key, communes.size === 1 ? resolved([...communes][0]!, 'exact') : undefined);
    }
  }
  return exact;
}

function matcherOf(candidates: readonly CommuneCandidate[]): PostalCodeMatcher {
  let matcher = matchers.get(candidates);
  if (!matcher) {
    const keyedCandidates = candidates.map(keyed);
    matchers.set(candidates, (matcher = { keyed: keyedCandidates, exact: exactMatches(keyedCandidates), matches: new Map() }));
  }
  return matcher;
}

function matchByName(candidates: readonly CommuneCandidate[], name: string): NameMatch {
  const matcher = matcherOf(candidates);
  const { matches } = matcher;
  if (matches.has(name)) return matches.get(name);
  const match = matchKeyed(matcher, communeNameKey(name));
  if (matches.size < MATCHES_PER_POSTAL_CODE) matches.set(detachedCopy(name), match);
  return match;
}

function matchKeyed({ keyed, exact }: PostalCodeMatcher, key: string): NameMatch {
  const compactKey = compact(key);
  if (exact.has(compactKey)) return exact.get(compactKey);
  // A typo (one letter per 8, at most 2) is accepted only when a single commune is that close.
  const allowed = Math.min(2, Math.floor(key.length / 8));
  if (allowed === 0) return undefined;
  const close = keyed
    .filter(({ nameKeys, aliasKeys }) => [...nameKeys, ...aliasKeys].some((candidateKey) => boundedLevenshtein(candidateKey, key, allowed) <= allowed))
    .map(({ candidate }) => candidate);
  return close.length === 1 ? resolved(close[0]!, 'approximate') : undefined;
}

/**
 * The commune of an address from its postal code and, optionally, the commune name as typed.
 * The name chooses among the communes sharing the postal code; without a name the postal code
 * must serve a single commune.
 */
export function resolveCommune(postalCodeInput: string, communeName = ''): RuleResult<ResolvedCommune> {
  if (CEDEX.test(communeName)) {
    return violation(
      'postal_code_cedex',
      `« ${communeName.trim()} » est une adresse CEDEX : indiquez le code postal et le nom de la commune où se trouve l'entreprise.`,
    );
  }
  const found = postalCodeCandidates(postalCodeInput);
  if (!found.ok) return found;
  const candidates = found.value;
  const postalCode = candidates[0]!.postalCode;
  if (communeName.trim() === '') {
    if (candidates.length === 1) {
      const matcher = matcherOf(candidates);
      return ok((matcher.onlyCommune ??= resolved(candidates[0]!, 'only-commune')));
    }
    return violation(
      'commune_required',
      `Le code postal ${postalCode} dessert plusieurs communes (${listNames(candidates)}) : indiquez la commune.`,
    );
  }
  const match = matchByName(candidates, communeName);
  if (!match) {
    return violation(
      'commune_mismatch',
      `La commune « ${communeName.trim()} » ne correspond pas au code postal ${postalCode} (communes de ce code : ${listNames(candidates)}).`,
    );
  }
  return ok(match);
}
