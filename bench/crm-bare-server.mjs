// The floor the CRM bench compares Maillage with: Fastify + pg and nothing else (no authentication,
// no RLS transaction, no hooks), answering the same routes with the same rows and JSON shape through
// the cheapest SQL we know: one named prepared statement per request, facets (links, e-mails)
// aggregated in the same statement. Search runs the same two-stage SQL as our repository, as one
// prepared statement. Started by bench/crm.mjs: DATABASE_URL, PORT, POOL_SIZE.
import Fastify from 'fastify';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.POOL_SIZE ?? 10) });
const app = Fastify({ logger: false });

const ORGANIZATION = `o.id, o.siren, o.name, o.legal_name, o.naf_code, o.naf_version, o.legal_form, o.headcount_band, o.street, o.postal_code,
  o.commune_insee, o.commune_name, o.departement_code, o.website, o.phone, o.version, o.created_at, o.updated_at,
  coalesce((SELECT json_agg(json_build_object('id', l.id, 'organizationId', l.organization_id, 'entityId', l.entity_id, 'status', l.status,
      'tags', l.tags, 'attachedBy', l.attached_by, 'version', l.version, 'createdAt', l.created_at, 'updatedAt', l.updated_at) ORDER BY l.created_at, l.id)
    FROM organization_links l WHERE l.organization_id = o.id), '[]') AS links`;

const iso = (value) => (value === null ? null : value.toISOString());
const isoText = (value) => new Date(value).toISOString();

function toOrganization(row) {
  return {
    id: row.id,
    siren: row.siren,
    name: row.name,
    legalName: row.legal_name,
    nafCode: row.naf_code,
    nafVersion: row.naf_version,
    legalForm: row.legal_form,
    headcountBand: row.headcount_band,
    address: {
      street: row.street,
      postalCode: row.postal_code,
      communeInsee: row.commune_insee,
      communeName: row.commune_name,
      departementCode: row.departement_code,
    },
    website: row.website,
    phone: row.phone,
    version: row.version,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    links: row.links.map((link) => ({ ...link, createdAt: isoText(link.createdAt), updatedAt: isoText(link.updatedAt) })),
  };
}

app.get('/api/v1/organizations/:id', async (request, reply) => {
  const { rows } = await pool.query({ name: 'organization_by_id', text: `SELECT ${ORGANIZATION} FROM organizations o WHERE o.id = $1`, values: [request.params.id] });
  if (!rows[0]) return reply.code(404).send({ status: 404 });
  reply.header('etag', `"${rows[0].version}"`);
  return toOrganization(rows[0]);
});

const cursorOf = (values) => Buffer.from(JSON.stringify(values)).toString('base64url');
const valuesOf = (cursor) => JSON.parse(Buffer.from(cursor, 'base64url').toString());

/** Companies of one département by name, keyset-paged on (departement_code, name, id). */
app.get('/api/v1/organizations', async (request) => {
  const limit = Math.min(Number(request.query.limit ?? 50), 500);
  const departement = request.query['filter[departementCode]'];
  const after = request.query.cursor ? valuesOf(request.query.cursor) : null;
  const { rows } = after
    ? await pool.query({
        name: 'organizations_departement_after',
        text: `SELECT ${ORGANIZATION} FROM organizations o WHERE o.departement_code = $1 AND (o.name, o.id) > ($2, $3) ORDER BY o.name, o.id LIMIT $4`,
        values: [departement, after[0], after[1], limit + 1],
      })
    : await pool.query({
        name: 'organizations_departement_first',
        text: `SELECT ${ORGANIZATION} FROM organizations o WHERE o.departement_code = $1 ORDER BY o.name, o.id LIMIT $2`,
        values: [departement, limit + 1],
      });
  const hasMore = rows.length > limit;
  const items = (hasMore ? rows.slice(0, limit) : rows).map(toOrganization);
  const last = items.at(-1);
  return { items, nextCursor: hasMore ? cursorOf([last.name, last.id]) : null };
});

/** A contact by one of its addresses (`filter[email]`). */
app.get('/api/v1/persons', async (request) => {
  const email = String(request.query['filter[email]'] ?? '').trim().toLowerCase();
  const { rows } = await pool.query({
    name: 'person_by_email',
    text: `SELECT p.id, p.entity_id, p.civility, p.first_name, p.last_name, p.job_title, p.phone, p.legal_basis, p.last_interaction_at,
             p.retention_flagged_at, p.anonymized_at, p.version, p.created_at, p.updated_at,
             (SELECT array_agg(e2.email ORDER BY e2.is_primary DESC, e2.email) FROM person_emails e2 WHERE e2.person_id = p.id) AS emails
           FROM person_emails e JOIN persons p ON p.id = e.person_id WHERE e.email = $1 ORDER BY p.last_name, p.id LIMIT 51`,
    values: [email],
  });
  return {
    items: rows.map((row) => ({
      id: row.id,
      entityId: row.entity_id,
      civility: row.civility,
      firstName: row.first_name,
      lastName: row.last_name,
      jobTitle: row.job_title,
      phone: row.phone,
      emails: row.emails.map((address, index) => ({ email: address, isPrimary: index === 0 })),
      legalBasis: row.legal_basis,
      lastInteractionAt: iso(row.last_interaction_at),
      retentionFlaggedAt: iso(row.retention_flagged_at),
      anonymizedAt: iso(row.anonymized_at),
      version: row.version,
      createdAt: iso(row.created_at),
      updatedAt: iso(row.updated_at),
    })),
    nextCursor: null,
  };
});

const HIT = 'o.id, o.siren, o.name, o.commune_name, o.postal_code, o.departement_code, o.naf_code';
const SEARCH_TEXT = `WITH words AS (SELECT word, position FROM unnest($1::text[]) WITH ORDINALITY AS w(word, position)),
  alternatives AS (
    SELECT position, word AS alternative FROM words
    UNION
    SELECT words.position, close.word FROM words CROSS JOIN LATERAL (
      SELECT nearest.word FROM (
        SELECT l.word, l.word <-> words.word AS distance FROM organization_words l
        WHERE length(words.word) >= 3 AND NOT EXISTS (SELECT 1 FROM organization_words known WHERE known.word = words.word)
          AND l.word % words.word AND similarity(l.word, words.word) >= 0.3
        ORDER BY distance FETCH FIRST 3 ROWS WITH TIES) nearest
      ORDER BY nearest.distance, nearest.word LIMIT 10) close
  ),
  per_word AS (SELECT position, string_agg(alternative, ' | ' ORDER BY alternative) AS any_of FROM alternatives GROUP BY position),
  input AS (
    SELECT to_tsquery('french', string_agg('(' || any_of || ')', ' & ' ORDER BY position)) AS query FROM per_word
  ),
  candidates AS (SELECT ${HIT}, o.search FROM organizations o WHERE o.search @@ (SELECT query FROM input) LIMIT 500)
  SELECT ${HIT}, (ts_rank(o.search, (SELECT query FROM input)) + word_similarity($2, immutable_unaccent(lower(o.name))))::float8 AS score
  FROM candidates o ORDER BY score DESC, o.name, o.id LIMIT $3`;

const fold = (text) => text.normalize('NFD').replace(/\p{M}/gu, '').replace(/œ/gi, 'oe').replace(/æ/gi, 'ae').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

app.get('/api/v1/search/organizations', async (request) => {
  const q = String(request.query.q ?? '');
  const limit = Math.min(Number(request.query.limit ?? 10), 50);
  const digits = q.replace(/[\s.]/g, '');
  const { rows } = /^\d{3,9}$/.test(digits)
    ? await pool.query({ name: 'search_siren', text: `SELECT ${HIT}, 1::float8 AS score FROM organizations o WHERE o.siren LIKE $1 ORDER BY o.siren LIMIT $2`, values: [`${digits}%`, limit] })
    : await pool.query({ name: 'search_text', text: SEARCH_TEXT, values: [fold(q).split(' ').filter(Boolean), fold(q), limit] });
  return {
    items: rows.map((row) => ({
      id: row.id,
      siren: row.siren,
      name: row.name,
      communeName: row.commune_name,
      postalCode: row.postal_code,
      departementCode: row.departement_code,
      nafCode: row.naf_code,
      score: Number(row.score),
    })),
  };
});

await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) });
console.log('bare CRM server listening');
process.on('SIGTERM', () => app.close().then(() => pool.end()).then(() => process.exit(0)));
