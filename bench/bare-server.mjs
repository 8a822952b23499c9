// The reference the entities bench compares Maillage with: Fastify + pg and nothing else (no auth,
// no RLS transaction, no hooks), answering the same two routes with the same rows and JSON shape,
// with the cheapest SQL (one prepared statement per request, no transaction).
// Started as its own process by bench/entities.mjs: DATABASE_URL, PORT, POOL_SIZE.
import Fastify from 'fastify';
import pg from 'pg';

const COLUMNS = `id, kind, code, name, parent_id, insee_code, siren, legal_name, address_line, postal_code, city, email, phone,
  version, created_at, updated_at`;

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.POOL_SIZE ?? 10) });
const app = Fastify({ logger: false });

function toEntity(row) {
  return {
    id: row.id,
    kind: row.kind,
    code: row.code,
    name: row.name,
    parentId: row.parent_id,
    inseeCode: row.insee_code,
    legalIdentity: { siren: row.siren, legalName: row.legal_name },
    address: { line: row.address_line, postalCode: row.postal_code, city: row.city },
    contact: { email: row.email, phone: row.phone },
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

app.get('/api/v1/entities/:id', async (request, reply) => {
  const { rows } = await pool.query({ name: 'entity_by_id', text: `SELECT ${COLUMNS} FROM entities WHERE id = $1`, values: [request.params.id] });
  if (!rows[0]) return reply.code(404).send({ status: 404 });
  reply.header('etag', `"${rows[0].version}"`);
  return toEntity(rows[0]);
});

app.get('/api/v1/entities', async (request) => {
  const limit = Math.min(Number(request.query.limit ?? 50), 500);
  const { rows } = await pool.query({
    name: 'entities_page',
    text: `SELECT ${COLUMNS} FROM entities ORDER BY code, id LIMIT $1`,
    values: [limit + 1],
  });
  const hasMore = rows.length > limit;
  const items = (hasMore ? rows.slice(0, limit) : rows).map(toEntity);
  const last = items.at(-1);
  return { items, nextCursor: hasMore ? Buffer.from(JSON.stringify([last.code, last.id])).toString('base64url') : null };
});

await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) });
console.log('bare server listening');
process.on('SIGTERM', () => app.close().then(() => pool.end()).then(() => process.exit(0)));
