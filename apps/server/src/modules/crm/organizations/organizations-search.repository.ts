import type { Tx } from '../../../platform/db/index.js';
import { foldText } from '../text/fold-text.js';
import type { SearchHit } from './organizations.schema.js';

/**
 * Matches the ranking considers. A common word alone ("boulangerie", "lyon") matches thousands of
 * companies; ranking them all cost hundreds of milliseconds at national scale, for hits that all
 * contain the word. Past this cap the best hits are chosen among the first matches the index
 * gives; a second word ("boulangerie lyon") narrows the matches below the cap and the ranking is
 * then exact.
 */
const MAX_CANDIDATES = 500;
/**
 * Corrections tried for a word that occurs in no company or commune name: the closest three, and
 * the words as close as the third ("martn" → marty, then martel, marthe, martin, martot, martre and
 * martys, all at 0.44), at most ten.
 */
const CORRECTIONS_PER_WORD = 3;
const MAX_CORRECTIONS_PER_WORD = 10;
/**
 * pg_trgm's default similarity threshold: "martn" → martin (0.44), not mairie. The lexicon's GIN
 * index answers `word % $w` (similarity at least `pg_trgm.similarity_threshold`, 0.3 unless a session
 * changes it); the explicit comparison keeps this value whatever that setting.
 */
const MIN_CORRECTION_SIMILARITY = 0.3;

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

const COLUMNS = 'o.id, o.siren, o.name, o.commune_name, o.postal_code, o.departement_code, o.naf_code';

/**
 * Stage 1 finds, for each word found in no name, the closest lexicon words at similarity ≥ $6:
 * `%` selects them through the GIN trigram index (only words sharing trigrams with the input are
 * compared), then they are ordered by distance, ties kept (see CORRECTIONS_PER_WORD; the cap cuts
 * by spelling, so the choice is stable). The known-word test is a primary-key lookup.
 */
const SEARCH_TEXT = `WITH words AS (SELECT word, position FROM unnest($1::text[]) WITH ORDINALITY AS w(word, position)),
  alternatives AS (
    SELECT position, word AS alternative FROM words
    UNION
    SELECT words.position, close.word FROM words CROSS JOIN LATERAL (
      SELECT nearest.word FROM (
        SELECT l.word, l.word <-> words.word AS distance FROM organization_words l
        WHERE length(words.word) >= 3 AND NOT EXISTS (SELECT 1 FROM organization_words known WHERE known.word = words.word)
          AND l.word % words.word AND similarity(l.word, words.word) >= $6
        ORDER BY distance
        FETCH FIRST $4 ROWS WITH TIES
      ) nearest
      ORDER BY nearest.distance, nearest.word
      LIMIT $7
    ) close
  ),
  per_word AS (SELECT position, string_agg(alternative, ' | ' ORDER BY alternative) AS any_of FROM alternatives GROUP BY position),
  input AS (
    SELECT to_tsquery('french', string_agg('(' || any_of || ')', ' & ' ORDER BY position)) AS query FROM per_word
  ),
  candidates AS (SELECT ${COLUMNS}, o.search FROM organizations o WHERE o.search @@ (SELECT query FROM input) LIMIT $3)
  SELECT ${COLUMNS}, (ts_rank(o.search, (SELECT query FROM input)) + word_similarity($2, immutable_unaccent(lower(o.name))))::float8 AS score
  FROM candidates o
  ORDER BY score DESC, o.name, o.id
  LIMIT $5`;

/**
 * One search box over the public identity. Digits (spaces allowed) are a SIREN prefix. Text is
 * searched in two stages, in one statement:
 * 1. each word of the query is checked against the lexicon of words used in names and communes
 *    (`organization_words`, migrations 0017–0018, 0053); a word found nowhere is replaced by its
 *    closest spellings there (trigram similarity: "boulengerie" → boulangerie, "webr" → weber);
 * 2. French full text, accents folded, over name, legal name and commune with those alternatives
 *    ("boulangerie lyon" must match both words), candidates capped, then ranked by
 *    full-text rank plus the word similarity of the query to the name (the exact spelling first).
 * Both stages use indexes (lexicon trigram GIN, `organizations_search_idx`) whatever the table size.
 */
export async function searchOrganizations(tx: Tx, q: string, limit: number): Promise<SearchHit[]> {
  const digits = q.replace(/[\s.]/g, '');
  if (/^\d{3,9}$/.test(digits)) {
    const { rows } = await tx.client.query<HitRow>(
      `SELECT ${COLUMNS}, 1::float8 AS score FROM organizations o WHERE o.siren LIKE $1 ORDER BY o.siren LIMIT $2`,
      [`${digits}%`, limit],
    );
    return rows.map(toHit);
  }
  // Folded to [a-z0-9 ]: the words are safe inside the to_tsquery syntax of SEARCH_TEXT.
  const words = foldText(q).split(' ').filter((word) => word !== '');
  if (words.length === 0) return [];
  const { rows } = await tx.client.query<HitRow>(SEARCH_TEXT, [
    words,
    words.join(' '),
    MAX_CANDIDATES,
    CORRECTIONS_PER_WORD,
    limit,
    MIN_CORRECTION_SIMILARITY,
    MAX_CORRECTIONS_PER_WORD,
  ]);
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
