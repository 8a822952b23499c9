// `npm run bench`: every benchmark, in order. Build first: `npm run build`.
// The CRM bench seeds 250,000 companies first (a few minutes): `BENCH_SKIP_CRM=1` leaves it out.
await import('./entities.mjs');
if (process.env.BENCH_SKIP_CRM !== '1') await import('./crm.mjs');
