import type { Tx } from '../../../platform/db/index.js';
import type { OrganizationDuplicate, PersonDuplicate, PersonDuplicateReason } from './duplicates.schema.js';

// Both queries run under the caller's scope: RLS limits persons, addresses, affiliations and company
// links to the caller's subtrees, so a branch only ever sees pairs made of its own records.

/**
 * Trigram similarity from which two folded names count as "similar" (pg_trgm). 0.6 keeps one-letter
 * typos ("Dupont"/"Dupond": 0.7) and drops names sharing only a long trade word ("Boulangerie …").
 */
export const SIMILAR_PERSON_NAME = 0.6;
export const SIMILAR_ORGANIZATION_NAME = 0.6;

interface PersonPairRow {
  reasons: PersonDuplicateReason[];
  score: number;
  a_id: string;
  a_entity_id: string;
  a_first_name: string | null;
  a_last_name: string;
  a_job_title: string | null;
  a_emails: string[];
  b_id: string;
  b_entity_id: string;
  b_first_name: string | null;
  b_last_name: string;
  b_job_title: string | null;
  b_emails: string[];
}

/**
 * Pairs of persons sharing an address, or with similar names and affiliated to the same company or to
 * companies of the same postal code (the postal code falls back to the company itself when unknown,
 * which keeps the join an equality). The folded name is the expression of the trigram index (0014).
 */
export async function findPersonDuplicates(tx: Tx, limit: number): Promise<PersonDuplicate[]> {
  const { rows } = await tx.client.query<PersonPairRow>(
    `WITH candidates AS (
       SELECT p.id, p.entity_id, p.first_name, p.last_name, p.job_title,
              immutable_unaccent(lower(p.last_name || ' ' || coalesce(p.first_name, ''))) AS folded
       FROM persons p WHERE p.anonymized_at IS NULL
     ),
     same_email AS (
       SELECT a.person_id AS first_id, b.person_id AS second_id, 'same_email' AS reason
       FROM person_emails a JOIN person_emails b ON b.email = a.email AND a.person_id < b.person_id
     ),
     placed AS (
       SELECT af.person_id, af.organization_id, coalesce(o.postal_code, o.id::text) AS place
       FROM affiliations af JOIN organizations o ON o.id = af.organization_id
     ),
     same_place AS (
       SELECT DISTINCT x.person_id AS first_id, y.person_id AS second_id,
              CASE WHEN x.organization_id = y.organization_id THEN 'similar_name_same_company' ELSE 'similar_name_same_postal_code' END AS reason
       FROM placed x JOIN placed y ON y.place = x.place AND x.person_id < y.person_id
     ),
     similar_names AS (
       SELECT s.first_id, s.second_id, s.reason
       FROM same_place s JOIN candidates a ON a.id = s.first_id JOIN candidates b ON b.id = s.second_id
       WHERE similarity(a.folded, b.folded) >= $1
     ),
     pairs AS (
       SELECT first_id, second_id, array_agg(DISTINCT reason ORDER BY reason) AS reasons
       FROM (SELECT * FROM same_email UNION ALL SELECT * FROM similar_names) r
       GROUP BY first_id, second_id
     )
     SELECT pairs.reasons, similarity(a.folded, b.folded)::float8 AS score,
            a.id AS a_id, a.entity_id AS a_entity_id, a.first_name AS a_first_name, a.last_name AS a_last_name, a.job_title AS a_job_title,
            array(SELECT e.email FROM person_emails e WHERE e.person_id = a.id ORDER BY e.is_primary DESC, e.email) AS a_emails,
            b.id AS b_id, b.entity_id AS b_entity_id, b.first_name AS b_first_name, b.last_name AS b_last_name, b.job_title AS b_job_title,
            array(SELECT e.email FROM person_emails e WHERE e.person_id = b.id ORDER BY e.is_primary DESC, e.email) AS b_emails
     FROM pairs JOIN candidates a ON a.id = pairs.first_id JOIN candidates b ON b.id = pairs.second_id
     ORDER BY 'same_email' = ANY(pairs.reasons) DESC, score DESC, a.id, b.id
     LIMIT $2`,
    [SIMILAR_PERSON_NAME, limit],
  );
  return rows.map((row) => ({
    first: { id: row.a_id, entityId: row.a_entity_id, firstName: row.a_first_name, lastName: row.a_last_name, jobTitle: row.a_job_title, emails: row.a_emails },
    second: { id: row.b_id, entityId: row.b_entity_id, firstName: row.b_first_name, lastName: row.b_last_name, jobTitle: row.b_job_title, emails: row.b_emails },
    reasons: row.reasons,
    nameSimilarity: Math.round(row.score * 1000) / 1000,
  }));
}

interface OrganizationPairRow {
  score: number;
  a_id: string;
  a_siren: string;
  a_name: string;
  a_postal_code: string | null;
  a_commune_name: string | null;
  b_id: string;
  b_siren: string;
  b_name: string;
  b_postal_code: string | null;
  b_commune_name: string | null;
}

/**
 * Companies with similar names in the same postal code, one of which at least is linked to the
 * caller's entities (company identities are public, but a branch only reviews what it follows).
 * Two companies never share a SIREN (unique constraint), so that case needs no detection.
 */
export async function findOrganizationDuplicates(tx: Tx, limit: number): Promise<OrganizationDuplicate[]> {
  const { rows } = await tx.client.query<OrganizationPairRow>(
    `WITH followed AS (SELECT DISTINCT organization_id AS id FROM organization_links),
     named AS (
       SELECT o.id, o.siren, o.name, o.postal_code, o.commune_name, immutable_unaccent(lower(o.name)) AS folded
       FROM organizations o WHERE o.postal_code IS NOT NULL
     ),
     pairs AS (
       SELECT DISTINCT least(a.id, b.id) AS first_id, greatest(a.id, b.id) AS second_id
       FROM followed f JOIN named a ON a.id = f.id JOIN named b ON b.postal_code = a.postal_code AND b.id <> a.id
       WHERE similarity(a.folded, b.folded) >= $1
     )
     SELECT similarity(a.folded, b.folded)::float8 AS score,
            a.id AS a_id, a.siren AS a_siren, a.name AS a_name, a.postal_code AS a_postal_code, a.commune_name AS a_commune_name,
            b.id AS b_id, b.siren AS b_siren, b.name AS b_name, b.postal_code AS b_postal_code, b.commune_name AS b_commune_name
     FROM pairs JOIN named a ON a.id = pairs.first_id JOIN named b ON b.id = pairs.second_id
     ORDER BY score DESC, a.id, b.id
     LIMIT $2`,
    [SIMILAR_ORGANIZATION_NAME, limit],
  );
  return rows.map((row) => ({
    first: { id: row.a_id, siren: row.a_siren, name: row.a_name, postalCode: row.a_postal_code, communeName: row.a_commune_name },
    second: { id: row.b_id, siren: row.b_siren, name: row.b_name, postalCode: row.b_postal_code, communeName: row.b_commune_name },
    reasons: ['similar_name_same_postal_code'],
    nameSimilarity: Math.round(row.score * 1000) / 1000,
  }));
}
