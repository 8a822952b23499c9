// Bulk seed of the CMS bench: SITES sites (one per entity, national first) holding ARTICLES live
// public articles in total, with French text, categories and tags, in a handful of SQL statements.
// The delivery triggers run as for any publication (generations, search documents).
import pg from 'pg';

const WORDS = (
  'assemblée générale réunion adhérents entreprise formation apprentissage emploi territoire région ' +
  'commerce artisanat industrie numérique transition écologique énergie financement subvention réseau ' +
  'délégation congrès conseil administration budget fiscalité social dialogue négociation branche ' +
  'salon partenariat innovation export international jeunes dirigeants création reprise transmission'
).split(' ');

export async function seedCms(url, { sites = 100, articles = 20_000 } = {}) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const started = performance.now();
  try {
    await client.query('BEGIN');
    const { rows: entities } = await client.query(
      `SELECT id, code, name FROM entities ORDER BY (kind = 'national') DESC, (kind = 'region') DESC, code LIMIT $1`,
      [sites],
    );
    if (entities.length < sites) throw new Error(`only ${entities.length} entities for ${sites} sites`);
    await client.query(
      `INSERT INTO cms_sites (id, entity_id, slug, name, theme, host_names, menus)
       SELECT gen_random_uuid(), e.id, 'site-' || lower(e.code), 'Site ' || e.name,
              '{"logoMediaId": null, "primaryColour": "#1d3d6b", "accentColour": "#0b5cad", "footerText": "Banc d''essai"}'::jsonb,
              ARRAY['site-' || lower(e.code) || '.bench.test'], '{"main": [], "footer": []}'::jsonb
         FROM entities e WHERE e.id = ANY($1::uuid[])`,
      [entities.map((entity) => entity.id)],
    );
    await client.query(
      `INSERT INTO cms_categories (id, entity_id, site_id, slug, name)
       SELECT gen_random_uuid(), s.entity_id, s.id, c.slug, c.name FROM cms_sites s
        CROSS JOIN (VALUES ('vie-syndicale', 'Vie syndicale'), ('formation', 'Formation'), ('economie', 'Économie')) AS c(slug, name)`,
    );
    // Articles: n = 1..ARTICLES spread round-robin over the sites; text drawn from WORDS.
    await client.query(
      `CREATE TEMP TABLE bench_articles ON COMMIT DROP AS
       SELECT gen_random_uuid() AS id, gen_random_uuid() AS revision_id, s.id AS site_id, s.entity_id, n,
              (SELECT array_agg(w ORDER BY ord) FROM (SELECT ($2::text[])[1 + (n * 7 + k * 13) % array_length($2::text[], 1)] AS w, k AS ord FROM generate_series(1, 120) k) words) AS words,
              now() - make_interval(mins => n) AS published_at,
              (SELECT id FROM cms_categories c WHERE c.site_id = s.id ORDER BY slug OFFSET n % 3 LIMIT 1) AS category_id
         FROM generate_series(1, $1::int) n
         JOIN (SELECT id, entity_id, row_number() OVER (ORDER BY slug) - 1 AS i, count(*) OVER () AS total FROM cms_sites) s ON s.i = n % s.total`,
      [articles, WORDS],
    );
    await client.query(
      `INSERT INTO cms_contents (id, entity_id, site_id, kind, slug, path, status, visibility, title, summary, body, fields,
                                 published_at, last_published_at, published_revision_id, current_revision_id)
       SELECT id, entity_id, site_id, 'article', 'article-' || n, '/actualites/article-' || n, 'published', 'public',
              initcap(array_to_string(words[1:6], ' ')) || ' ' || n, array_to_string(words[7:30], ' ') || '.',
              jsonb_build_object('type', 'doc', 'content', jsonb_build_array(
                jsonb_build_object('type', 'heading', 'attrs', jsonb_build_object('level', 2), 'content', jsonb_build_array(jsonb_build_object('type', 'text', 'text', initcap(array_to_string(words[31:35], ' '))))),
                jsonb_build_object('type', 'paragraph', 'content', jsonb_build_array(jsonb_build_object('type', 'text', 'text', array_to_string(words[36:80], ' ') || '.'))),
                jsonb_build_object('type', 'paragraph', 'content', jsonb_build_array(jsonb_build_object('type', 'text', 'text', array_to_string(words[81:120], ' ') || '.', 'marks', jsonb_build_array(jsonb_build_object('type', 'italic'))))))),
              jsonb_build_object('categoryIds', jsonb_build_array(category_id), 'tags', jsonb_build_array(words[2], words[5]), 'author', 'Service communication'),
              published_at, published_at, revision_id, revision_id
         FROM bench_articles`,
    );
    await client.query(
      `INSERT INTO cms_revisions (id, entity_id, content_id, number, title, summary, body, fields, plain_text)
       SELECT a.revision_id, a.entity_id, a.id, 1, c.title, c.summary, c.body, c.fields,
              initcap(array_to_string(a.words[31:35], ' ')) || E'\\n\\n' || array_to_string(a.words[36:80], ' ') || E'.\\n\\n' || array_to_string(a.words[81:120], ' ') || '.'
         FROM bench_articles a JOIN cms_contents c ON c.id = a.id`,
    );
    await client.query('COMMIT');
    await client.query('ANALYZE');
    const { rows: counts } = await client.query(`SELECT (SELECT count(*)::int FROM cms_contents) AS contents, (SELECT count(*)::int FROM cms_search_documents) AS search_documents, (SELECT count(*)::int FROM cms_sites) AS sites`);
    // The Rhône union's site when it is there, else the first one: the site the scenarios read.
    const { rows: sample } = await client.query(`SELECT slug FROM cms_sites ORDER BY (slug = 'site-69') DESC, slug LIMIT 1`);
    return { seconds: (performance.now() - started) / 1000, ...counts[0], sampleSlug: sample[0].slug };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}
