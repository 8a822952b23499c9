import type { Database } from '../../../platform/db/index.js';
import { newId, withOwnerClient } from '../../../platform/db/index.js';
import type { EntityKind } from '../../../platform/tenancy/entity-tree.tables.js';
import { refreshTreePathsStatistics } from '../../../platform/tenancy/tree-paths-statistics.js';
import { loadDepartements, loadRegions } from './administrative-divisions.js';
import { ofPlace } from './french-names.js';

export const NATIONAL_CODE = 'FR';

interface SeedEntity {
  code: string;
  kind: EntityKind;
  name: string;
  parentCode: string | null;
  inseeCode?: string;
  siren?: string;
  legalName?: string;
  addressLine?: string;
  postalCode?: string;
  city?: string;
  email?: string;
  phone?: string;
}

export interface NetworkSeedResult {
  /** Entities inserted by this run (0 when the network was already complete). */
  created: number;
  /** Entities the network is expected to hold, whether created now or before. */
  expected: number;
}

// Fictional organisation: the SIREN passes the Luhn check but belongs to nobody we know of.
const NATIONAL_OFFICE: SeedEntity = {
  code: NATIONAL_CODE,
  kind: 'national',
  name: 'Confédération nationale des petites entreprises',
  parentCode: null,
  siren: '784512303',
  legalName: 'Confédération nationale des petites entreprises (CNPE)',
  addressLine: '8 rue des Artisans',
  postalCode: '75011',
  city: 'Paris',
  email: 'contact@cnpe.example',
  phone: '+33 1 40 00 00 00',
};

const FEDERATIONS: SeedEntity[] = [
  { code: 'FED-BAT', name: 'Fédération des artisans du bâtiment' },
  { code: 'FED-COM', name: 'Fédération du commerce de proximité' },
  { code: 'FED-HCR', name: "Fédération de l'hôtellerie, des cafés et de la restauration" },
  { code: 'FED-SAP', name: 'Fédération des services à la personne' },
  { code: 'FED-PL', name: 'Fédération des professions libérales' },
].map((federation) => ({ ...federation, kind: 'federation' as const, parentCode: NATIONAL_CODE }));

export function regionEntityCode(inseeCode: string): string {
  return `R${inseeCode}`;
}

/**
 * The whole network in insertion order (parents first): the national office, one union per région
 * and per département (current INSEE list, never a hand-made table), then the federations.
 */
export function networkBlueprint(): SeedEntity[][] {
  const regions = loadRegions().map<SeedEntity>((region) => ({
    code: regionEntityCode(region.code),
    kind: 'region',
    name: `Union régionale ${ofPlace(region.name, region.typeLiaison)}`,
    parentCode: NATIONAL_CODE,
    inseeCode: region.code,
  }));
  const departements = loadDepartements().map<SeedEntity>((departement) => ({
    code: departement.code,
    kind: 'departement',
    name: `Union territoriale ${ofPlace(departement.name, departement.typeLiaison)}`,
    parentCode: regionEntityCode(departement.regionCode),
    inseeCode: departement.code,
  }));
  return [[NATIONAL_OFFICE], regions, departements, FEDERATIONS];
}

/**
 * Creates whatever part of the network is missing, matched by code. Idempotent and safe on a live
 * database: existing entities are never overwritten, so later edits and moves survive a re-seed.
 * Runs as the owner (seeds are maintenance), in one transaction.
 */
export async function seedNetwork(database: Database): Promise<NetworkSeedResult> {
  const levels = networkBlueprint();
  const result = await withOwnerClient(database, async (client) => {
    await client.query('BEGIN');
    try {
      let created = 0;
      for (const level of levels) {
        const rows = level.map((entity) => ({ id: newId(), ...entity }));
        // Parents are resolved by code, so a re-seed attaches new children to the existing parents.
        const result = await client.query(
          `INSERT INTO entities (id, kind, code, name, parent_id, insee_code, siren, legal_name, address_line, postal_code, city, email, phone)
           SELECT v.id, v.kind, v.code, v.name, p.id, v."inseeCode", v.siren, v."legalName", v."addressLine", v."postalCode", v.city, v.email, v.phone
           FROM json_to_recordset($1::json) AS v(id uuid, kind text, code text, name text, "parentCode" text, "inseeCode" text, siren text,
                "legalName" text, "addressLine" text, "postalCode" text, city text, email text, phone text)
           LEFT JOIN entities p ON p.code = v."parentCode"
           ORDER BY v.code
           ON CONFLICT (code) DO NOTHING`,
          [JSON.stringify(rows)],
        );
        created += result.rowCount ?? 0;
      }
      await client.query('COMMIT');
      return { created, expected: levels.reduce((total, level) => total + level.length, 0) };
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  });
  await refreshTreePathsStatistics(database);
  return result;
}

/** True once the national office exists: the database has been seeded (or set up by hand). */
export async function networkExists(database: Database): Promise<boolean> {
  const { rows } = await database.pool.query<{ exists: boolean }>(`SELECT EXISTS (SELECT 1 FROM entities WHERE kind = 'national') AS exists`);
  return rows[0]!.exists;
}
