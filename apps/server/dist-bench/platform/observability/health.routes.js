import { Type } from 'typebox';
import { migrationsUpToDate } from '../db/index.js';
const HealthSchema = Type.Object({
    status: Type.Union([Type.Literal('ok'), Type.Literal('unavailable')]),
    checks: Type.Record(Type.String(), Type.Union([Type.Literal('ok'), Type.Literal('failing')])),
});
export function registerHealthRoutes(app, context) {
    app.get('/livez', { schema: { hide: true, response: { 200: HealthSchema } } }, async () => ({ status: 'ok', checks: {} }));
    app.get('/readyz', { schema: { hide: true, response: { 200: HealthSchema, 503: HealthSchema } } }, async (_request, reply) => {
        const checks = {};
        checks.database = await probe(async () => {
            await context.database.pool.query('SELECT 1');
        });
        checks.migrations = await probe(async () => {
            if (!(await migrationsUpToDate(context.database)))
                throw new Error('pending migrations');
        });
        // Sending needs the bus started (queues created); workers, when this process runs them, start with it.
        checks.bus = context.bus.started ? 'ok' : 'failing';
        const ready = Object.values(checks).every((check) => check === 'ok');
        return reply.code(ready ? 200 : 503).send({ status: ready ? 'ok' : 'unavailable', checks });
    });
}
async function probe(check) {
    try {
        await check();
        return 'ok';
    }
    catch {
        return 'failing';
    }
}
//# sourceMappingURL=health.routes.js.map