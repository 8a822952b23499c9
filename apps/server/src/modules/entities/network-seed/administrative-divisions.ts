import { createRequire } from 'node:module';

/** A région or département as published by INSEE through @etalab/decoupage-administratif. */
export interface AdministrativeArea {
  /** INSEE code: `84` for a région; `69`, `2A`, `971` for a département. */
  code: string;
  name: string;
  /** INSEE "type de nom en clair" (TNCC): which article and preposition the name takes. */
  typeLiaison: number;
}

export interface Departement extends AdministrativeArea {
  regionCode: string;
}

interface RawArea {
  code: string;
  nom: string;
  typeLiaison: number;
  zone: 'metro' | 'drom' | 'com';
  region?: string;
}

// The package's index.js reads its data relative to the working directory; load the JSON files directly.
const require = createRequire(import.meta.url);

/**
 * Only metropolitan France and the five overseas départements-régions (zone `drom`) have
 * départements and régions. The collectivités d'outre-mer (zone `com`: 975 Saint-Pierre-et-Miquelon,
 * 977, 978, 984…989) are listed in both files as pseudo-régions and pseudo-départements: excluded.
 */
function isDepartementOrRegion(area: RawArea): boolean {
  return area.zone === 'metro' || area.zone === 'drom';
}

export function loadRegions(): AdministrativeArea[] {
  const raw = require('@etalab/decoupage-administratif/data/regions.json') as RawArea[];
  return raw.filter(isDepartementOrRegion).map(({ code, nom, typeLiaison }) => ({ code, name: nom, typeLiaison }));
}

export function loadDepartements(): Departement[] {
  const raw = require('@etalab/decoupage-administratif/data/departements.json') as RawArea[];
  return raw.filter(isDepartementOrRegion).map(({ code, nom, typeLiaison, region }) => {
    if (!region) throw new Error(`Département ${code} has no région in @etalab/decoupage-administratif`);
    return { code, name: nom, typeLiaison, regionCode: region };
  });
}
