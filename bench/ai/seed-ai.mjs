// Bulk seed of the AI bench: ARTICLES one-article sources (the 541 articles of the Code du travail
// copied over the network's entities) and DOCUMENTS multi-section documents (five consecutive articles
// under Markdown headings), as uploads leave them (status pending), then indexed by the built
// server's own indexing code (`indexSources`, the `ai.index-source` job's function), timed.
import { readFileSync } from 'node:fs';
import { createHash, randomUUID } from 'node:crypto';
import pg from 'pg';

const VISIBILITIES = ['public', 'members', 'staff'];
const INSERT_BATCH = 1_000;
const ARTICLES_PER_DOCUMENT = 5;

/** Inserts the sources (pending), returns their ids: articles first, then documents. */
export async function seedSources(url, { dist, corpusFile, articles, documents }) {
  const { parseJsonLines } = await import(`${dist}/modules/ai/knowledge/index.js`);
  const parsed = parseJsonLines(readFileSync(corpusFile, 'utf8'));
  if (parsed.errors.length > 0) throw new Error(`corpus: ${JSON.stringify(parsed.errors.slice(0, 3))}`);
  const corpus = parsed.documents;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: entities } = await client.query(`SELECT id FROM entities ORDER BY (kind = 'national') DESC, (kind = 'region') DESC, code`);
    const collections = new Map();
    const collectionOf = async (entityId, name, visibility) => {
      const key = `${entityId}/${name}`;
      if (!collections.has(key)) {
        const id = randomUUID();
        await client.query('INSERT INTO ai_collections (id, entity_id, name, visibility) VALUES ($1, $2, $3, $4)', [id, entityId, name, visibility]);
        collections.set(key, id);
      }
      return collections.get(key);
    };
    const rows = [];
    for (let n = 0; n < articles; n += 1) {
      const copy = Math.floor(n / corpus.length);
      const article = corpus[n % corpus.length];
      const visibility = VISIBILITIES[copy % VISIBILITIES.length];
      const entityId = entities[copy % entities.length].id;
      rows.push({ ...article, externalRef: `${article.externalRef}-${copy}`, entityId, visibility, fileName: 'code-du-travail.jsonl', collectionId: await collectionOf(entityId, `Code du travail ${copy}`, visibility) });
    }
    for (let n = 0; n < documents; n += 1) {
      const first = (n * ARTICLES_PER_DOCUMENT) % corpus.length;
      const parts = Array.from({ length: ARTICLES_PER_DOCUMENT }, (_, k) => corpus[(first + k) % corpus.length]);
      const visibility = VISIBILITIES[n % VISIBILITIES.length];
      const entityId = entities[n % entities.length].id;
      rows.push({
        title: `Dossier ${n + 1} : ${parts[0].title}`,
        heading: null,
        url: null,
        externalRef: `dossier-${n + 1}`,
        version: null,
        text: parts.map((part) => `## ${part.title}\n\n${part.text}`).join('\n\n'),
        entityId,
        visibility,
        fileName: `dossier-${n + 1}.md`,
        collectionId: await collectionOf(entityId, 'Dossiers', visibility),
      });
    }
    const ids = [];
    for (let start = 0; start < rows.length; start += INSERT_BATCH) {
      const batch = rows.slice(start, start + INSERT_BATCH).map((row) => ({ ...row, id: randomUUID() }));
      const column = (pick) => batch.map(pick);
      await client.query(
        `INSERT INTO ai_sources (id, source_id, entity_id, source_type, collection_id, title, heading, url, external_ref, external_version, file_name, mime_type, visibility, text, content_hash)
         SELECT id, gen_random_uuid(), entity_id, 'document', collection_id, title, heading, url, external_ref, external_version, file_name, 'text/markdown', visibility, text, content_hash
           FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[])
             AS t(id, entity_id, collection_id, title, heading, url, external_ref, external_version, file_name, visibility, text, content_hash)`,
        [
          column((r) => r.id),
          column((r) => r.entityId),
          column((r) => r.collectionId),
          column((r) => r.title),
          column((r) => r.heading ?? null),
          column((r) => r.url ?? null),
          column((r) => r.externalRef),
          column((r) => r.version ?? null),
          column((r) => r.fileName),
          column((r) => r.visibility),
          column((r) => r.text),
          column((r) => createHash('sha256').update(r.text).digest('hex')),
        ],
      );
      ids.push(...batch.map((row) => row.id));
    }
    return { ids, entities: entities.length, collections: collections.size };
  } finally {
    await client.end();
  }
}

/** Indexes the sources with the server's own job function; returns chunks, seconds and chunks/s. */
export async function indexAll(url, { dist, sourceIds }) {
  const db = await import(`${dist}/platform/db/index.js`);
  const { indexSources } = await import(`${dist}/modules/ai/knowledge/index.js`);
  const database = await db.openDatabase({ databaseUrl: url, dataDir: '', databasePoolSize: 2 });
  try {
    const started = performance.now();
    const outcomes = await indexSources(database, sourceIds);
    const seconds = (performance.now() - started) / 1000;
    const failed = Object.values(outcomes).filter((outcome) => outcome !== 'indexed').length;
    if (failed > 0) throw new Error(`${failed} sources not indexed`);
    const chunks = (await database.pool.query('SELECT sum(chunk_count)::int AS n FROM ai_sources WHERE id = ANY($1::uuid[])', [sourceIds])).rows[0].n;
    // What autovacuum would do after such a batch (it is off on the bench cluster): statistics for the
    // operand estimates, and the dead rows of re-indexing gone (a kept database re-indexes its
    // documents on every run: unvacuumed, each run's searches step over all the previous chunks).
    await database.pool.query('VACUUM ANALYZE ai_sources, ai_chunks');
    return { sources: sourceIds.length, chunks, seconds, chunksPerSecond: chunks / seconds };
  } finally {
    await database.close();
  }
}

/** A kept database: its documents (not the articles) marked for re-indexing, to time indexing again. */
export async function documentsToReindex(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(`UPDATE ai_sources SET status = 'pending', indexed_hash = NULL WHERE file_name LIKE 'dossier-%' RETURNING id`);
    return rows.map((row) => row.id);
  } finally {
    await client.end();
  }
}
