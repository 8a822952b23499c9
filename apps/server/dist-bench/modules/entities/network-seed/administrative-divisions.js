import { createRequire } from 'node:module';
// The package's index.js reads its data relative to the working directory; load the JSON files directly.
const require = createRequire(import.meta.url);
/**
 * Only metropolitan France and the five overseas départements-régions (zone `drom`) have
 * départements and régions. The collectivités d'outre-mer (zone `com`: 975 Saint-Pierre-et-Miquelon,
 * 977, 978, 984…989) are listed in both files as pseudo-régions and pseudo-départements: excluded.
 */
function isDepartementOrRegion(area) {
    return area.zone === 'metro' || area.zone === 'drom';
}
export function loadRegions() {
    const raw = require('@etalab/decoupage-administratif/data/regions.json');
    return raw.filter(isDepartementOrRegion).map(({ code, nom, typeLiaison }) => ({ code, name: nom, typeLiaison }));
}
export function loadDepartements() {
    const raw = require('@etalab/decoupage-administratif/data/departements.json');
    return raw.filter(isDepartementOrRegion).map(({ code, nom, typeLiaison, region }) => {
        if (!region)
            throw new Error(`Département ${code} has no région in @etalab/decoupage-administratif`);
        return { code, name: nom, typeLiaison, regionCode: region };
    });
}
//# sourceMappingURL=administrative-divisions.js.map