import type { Tx } from '../../../platform/db/index.js';
import type { SearchHit } from './organizations.schema.js';

/**
 * Below the default 0.6, one wrong letter in a short word ("boulengerie") still matches; lower
 * would let unrelated names in. Set per transaction so other queries keep the default.
 */
const WORD_SIMILARITY_THRESHOLD = '0.5';

interface HitRow {
  id: string;
  siren: string;
  name: string;
  commune_name: string | null;
  postal_code: string | null;
  departement_code: string | null;
  naf_code: string | null;
  score: number;
}

/**
 * One search box over the public identity. Digits (spaces allowed) are a SIREN prefix; text is
 * matched two ways, both accent-insensitive: French full text on name, legal name and commune
 * ("boulangerie lyon"), and trigram word similarity on the name for typos. Every branch of the OR
 * has its own index (migrations 0011/0012), so PostgreSQL can combine them in a bitmap scan.
 */
export async function searchOrganizations(tx: Tx, q: string, limit: number): Promise<SearchHit[]> {
  const digits = q.replace(/[\s.]/g, '');
  if (/^\d{3,9}$/.test(digits)) {
    const { rows } = await tx.client.query<HitRow>(
      `SELECT id, siren, name, commune_name, postal_code, departement_code, naf_code, 1::float8 AS score
       FROM organizations WHERE siren LIKE $1 ORDER BY siren LIMIT $2`,
      [`${digits}%`, limit],
    );
    return rows.map(toHit);
  }
  await tx.client.query(`SELECT set_config('pg_trgm.word_similarity_threshold', $1, true)`, [WORD_SIMILARITY_THRESHOLD]);
  const { rows } = await tx.client.query<HitRow>(
    `WITH input AS (SELECT immutable_unaccent(lower($1)) AS folded, plainto_tsquery('french', immutable_unaccent($1)) AS query)
     SELECT o.id, o.siren, o.name, o.commune_name, o.postal_code, o.departement_code, o.naf_code,
       (ts_rank(o.search, input.query) + word_similarity(input.folded, immutable_unaccent(lower(o.name))))::float8 AS score
     FROM organizations o, input
     WHERE o.search @@ input.query OR input.folded <% immutable_unaccent(lower(o.name))
     ORDER BY score DESC, o.name, o.id
     LIMIT $2`,
    [q.trim(), limit],
  );
  return rows.map(toHit);
}

function toHit(row: HitRow): SearchHit {
  return {
    id: row.id,
    siren: row.siren,
    name: row.name,
    communeName: row.commune_name,
    postalCode: row.postal_code,
    departementCode: row.departement_code,
    nafCode: row.naf_code,
    score: Number(row.score),
  };
}
