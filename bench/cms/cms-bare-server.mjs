// The floor of the CMS bench: a bare Fastify route answering the same stored HTML page (bytes
// fetched once from our server), no database, no hooks. See bench/README.md, "cms/cms.mjs".
import Fastify from 'fastify';

const html = process.env.BARE_HTML ?? '';
const app = Fastify({ logger: false });
app.get('/page', (_request, reply) => reply.type('text/html; charset=utf-8').send(html));
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT ?? 3932) });
