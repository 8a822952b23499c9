// Dashboard benchmark (issue 5, "Dashboard"): p95/p99 of GET /api/v1/dashboard for a branch (the
// Rhône manager) and for national staff, on a throwaway PostgreSQL database holding the CRM demo
// data set and, on top of it, memberships, dues invoices, renewals, events, registrations and
// mandates in bulk. Manual only (`npm run bench`), never in CI. See bench/README.md.
//   node bench/dashboard.mjs [--keep] [--database=<kept database> --password=<its demo password>]
import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { seedCrm } from './lib/crm-targets.mjs';
import { createThrowawayDatabase, existingDatabase, option, seedDatabase } from './lib/database.mjs';
import { load } from './lib/load.mjs';
import { int, markdownTable, ms } from './lib/report.mjs';
import { nationalAdminToken, productionEnv, startProcess, WEB_NODE_FLAGS } from './lib/servers.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = process.env.BENCH_SERVER_DIST ?? join(ROOT, 'apps/server/dist');
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SCALE = process.env.BENCH_CRM_SCALE ?? 'full';
const MEMBERSHIPS = Number(process.env.BENCH_DASHBOARD_MEMBERSHIPS ?? 250_000);
const DURATION = Number(process.env.BENCH_DURATION ?? 15);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
const CONNECTIONS = Number(process.env.BENCH_DASHBOARD_CONNECTIONS ?? 10);
const KEEP = process.argv.includes('--keep');
const REUSED = option('database');
const PORT = 3931;
/** The target of issue 5. */
export const TARGETS = { maxP95Ms: 100 };

/**
 * Bulk business data spread evenly over the départements: `memberships` memberships (7 in 11
 * active, then grace, pending, lapsed, cancelled), a renewal invoice last year and this year for
 * each (7 in 10 paid, 1 partly, 2 unpaid and overdue), 40 events per département (half upcoming,
 * 30 registrations each) and 20 seats with 3 successive mandates each.
 */
async function seedBusinessData(url, memberships) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const started = performance.now();
  const year = new Date().getFullYear();
  try {
    await client.query('BEGIN');
    await client.query(`CREATE TEMP TABLE bench_departements ON COMMIT DROP AS
      SELECT id, (row_number() OVER (ORDER BY code) - 1)::int AS k FROM entities WHERE kind = 'departement'`);
    await client.query(`CREATE TEMP TABLE bench_organizations ON COMMIT DROP AS
      SELECT id, (row_number() OVER (ORDER BY id) - 1)::int AS k FROM organizations`);
    const { rows } = await client.query('SELECT (SELECT count(*) FROM bench_departements)::int AS d, (SELECT count(*) FROM bench_organizations)::int AS o');
    const { d, o } = rows[0];
    const count = Math.min(memberships, d * o);
    await client.query(`INSERT INTO membership_types (id, entity_id, code, label) SELECT gen_random_uuid(), id, 'bench', 'Standard' FROM bench_departements`);
    // Membership i: département i mod d, company ⌊i / d⌋ (unique pairs while i < d × o).
    await client.query(
      `INSERT INTO memberships (id, entity_id, organization_id, type_id, status, period_kind, started_on, current_period_start, current_period_end, cancelled_on)
       SELECT gen_random_uuid(), dep.id, org.id, t.id, s.status, 'calendar', make_date($2::int - 3, 1, 1), make_date($2::int, 1, 1), make_date($2::int, 12, 31),
              CASE WHEN s.status = 'cancelled' THEN make_date($2::int, 3, 1) END
         FROM generate_series(0, $1::int - 1) i
         JOIN bench_departements dep ON dep.k = i % $3::int
         JOIN bench_organizations org ON org.k = i / $3::int
         JOIN membership_types t ON t.entity_id = dep.id AND t.code = 'bench'
         CROSS JOIN LATERAL (SELECT (ARRAY['active', 'active', 'active', 'active', 'active', 'active', 'active', 'grace', 'pending', 'lapsed', 'cancelled'])[1 + i % 11] AS status) s`,
      [count, year, d],
    );
    await client.query(`CREATE TEMP TABLE bench_renewals ON COMMIT DROP AS
      SELECT m.id AS membership_id, m.entity_id, m.organization_id, y.year, gen_random_uuid() AS invoice_id,
             row_number() OVER (PARTITION BY m.entity_id, y.year ORDER BY m.id)::int AS seq, abs(hashtext(m.id::text || y.year)) % 10 AS r
        FROM memberships m CROSS JOIN (VALUES ($1::int - 1), ($1::int)) y(year)
       WHERE m.status <> 'pending'`, [year]);
    await client.query(`INSERT INTO invoices (id, entity_id, kind, series, status, fiscal_year, sequence, number, organization_id, issue_date, due_date,
                                              total_excl_tax_cents, total_incl_tax_cents, paid_cents)
      SELECT invoice_id, entity_id, 'invoice', 'COT', CASE WHEN r < 7 THEN 'paid' WHEN r < 8 THEN 'partially_paid' ELSE 'issued' END, year, seq,
             'COT-' || year || '-' || lpad(seq::text, 6, '0'), organization_id, make_date(year, 1, 15), make_date(year, 2, 15), 15000, 15000,
             CASE WHEN r < 7 THEN 15000 WHEN r < 8 THEN 5000 ELSE 0 END
        FROM bench_renewals`);
    await client.query(`INSERT INTO renewal_campaigns (id, entity_id, year, issue_date, due_date, reminder_offsets, status, total_count)
      SELECT gen_random_uuid(), entity_id, year, make_date(year, 1, 15), make_date(year, 2, 15), '{30,60}', 'completed', count(*) FROM bench_renewals GROUP BY entity_id, year`);
    await client.query(`INSERT INTO renewal_invoices (id, entity_id, campaign_id, membership_id, year, outcome, invoice_id)
      SELECT gen_random_uuid(), b.entity_id, c.id, b.membership_id, b.year, 'issued', b.invoice_id
        FROM bench_renewals b JOIN renewal_campaigns c ON c.entity_id = b.entity_id AND c.year = b.year`);
    await client.query(`INSERT INTO events (id, entity_id, title, starts_at, ends_at, capacity, status)
      SELECT gen_random_uuid(), dep.id, 'Réunion ' || g, now() + (g - 20) * interval '4 days', now() + (g - 20) * interval '4 days' + interval '2 hours', 50, 'published'
        FROM bench_departements dep CROSS JOIN generate_series(0, 39) g`);
    await client.query(`INSERT INTO event_registrations (id, entity_id, event_id, person_id, status)
      SELECT gen_random_uuid(), e.entity_id, e.id, p.id, 'registered'
        FROM events e CROSS JOIN LATERAL (SELECT id FROM persons WHERE entity_id = e.entity_id ORDER BY id LIMIT 30) p`);
    await client.query(`INSERT INTO mandate_bodies (id, name, kind) VALUES (gen_random_uuid(), 'Instance du banc d''essai', 'other')`);
    await client.query(`INSERT INTO mandate_seats (id, entity_id, body_id, label, role)
      SELECT gen_random_uuid(), dep.id, b.id, 'Siège ' || g, 'titular' FROM bench_departements dep CROSS JOIN generate_series(1, 20) g CROSS JOIN mandate_bodies b`);
    await client.query(`INSERT INTO mandates (id, entity_id, seat_id, body_id, person_id, start_on, end_on)
      SELECT gen_random_uuid(), s.entity_id, s.id, s.body_id, p.id, ends.end_on - 1460, ends.end_on
        FROM mandate_seats s
        CROSS JOIN LATERAL (SELECT id FROM persons WHERE entity_id = s.entity_id ORDER BY id LIMIT 1) p
        CROSS JOIN generate_series(0, 2) k
        CROSS JOIN LATERAL (SELECT current_date - 1460 + k * 1461 + abs(hashtext(s.id::text)) % 1400 AS end_on) ends`);
    await client.query('COMMIT');
    await client.query('ANALYZE');
    return { seconds: (performance.now() - started) / 1000 };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

async function ownerQuery(url, text, values = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows;
  } finally {
    await client.end();
  }
}

async function countBusinessData(url) {
  const [counts] = await ownerQuery(url, `SELECT (SELECT count(*) FROM organizations)::int AS companies, (SELECT count(*) FROM memberships)::int AS memberships,
    (SELECT count(*) FROM invoices)::int AS invoices, (SELECT count(*) FROM event_registrations)::int AS registrations, (SELECT count(*) FROM mandates)::int AS mandates`);
  return counts;
}

async function entityIdOf(url, code) {
  return (await ownerQuery(url, 'SELECT id FROM entities WHERE code = $1', [code]))[0].id;
}

async function main() {
  const password = option('password') ?? randomBytes(12).toString('base64url');
  const database = REUSED ? existingDatabase(ADMIN_URL, REUSED) : await createThrowawayDatabase(ADMIN_URL);
  let stop = null;
  try {
    if (!REUSED) {
      console.log(`database ${database.name}: migrating and seeding the network, the demo accounts and the CRM (${SCALE})…`);
      await seedDatabase(DIST, database.url, password);
      const crm = await seedCrm(DIST, database.url, SCALE);
      console.log(`CRM demo data seeded in ${crm.seconds.toFixed(0)} s`);
      const seeded = await seedBusinessData(database.url, MEMBERSHIPS);
      console.log(`business data seeded in ${seeded.seconds.toFixed(0)} s`);
    }
    const business = await countBusinessData(database.url);
    const rhone = await entityIdOf(database.url, '69');

    const base = `http://127.0.0.1:${PORT}`;
    const server = await startProcess('maillage', [...WEB_NODE_FLAGS, join(DIST, 'main.js'), '--role=web'], productionEnv({ databaseUrl: database.url, port: PORT, logLevel: 'info', poolSize: 10 }), `${base}/livez`);
    stop = server.stop;
    const permissions = ['dashboard.read'];
    const scenarios = [
      { name: 'Rhône manager (69)', email: 'manager.69@maillage.test', query: '' },
      { name: 'national, whole network', email: 'admin@maillage.test', query: '' },
      { name: 'national, branch switcher on 69', email: 'admin@maillage.test', query: `?entityId=${rhone}` },
    ];
    const rows = [];
    let missed = false;
    for (const scenario of scenarios) {
      const token = await nationalAdminToken(base, { email: scenario.email, password, permissions });
      const url = `${base}/api/v1/dashboard${scenario.query}`;
      const headers = { authorization: `Bearer ${token}` };
      const sample = await (await fetch(url, { headers })).json();
      console.log(`${scenario.name}: ${sample.members.active} active members, ${sample.renewals.at(-1).due} renewals due, ${sample.events.upcomingCount} upcoming events`);
      await load({ url, headers, connections: CONNECTIONS, durationSeconds: WARMUP });
      const result = await load({ url, headers, connections: CONNECTIONS, durationSeconds: DURATION });
      const verdict = result.p95 < TARGETS.maxP95Ms && result.non2xx === 0 ? 'ok' : 'MISSED';
      if (verdict !== 'ok') missed = true;
      rows.push([`GET /api/v1/dashboard — ${scenario.name}`, String(CONNECTIONS), int(result.requestsPerSecond), ms(result.p50), ms(result.p95), ms(result.p99), verdict]);
    }
    console.log(`\n${int(business.companies)} companies, ${int(business.memberships)} memberships, ${int(business.invoices)} invoices, ${int(business.registrations)} registrations, ${int(business.mandates)} mandates; ${cpus().length} CPUs, load average ${loadavg().map((value) => value.toFixed(2)).join(' ')}`);
    console.log(markdownTable(['Scenario', 'Connections', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', `p95 < ${TARGETS.maxP95Ms} ms`], rows));
    if (missed) process.exitCode = 1;
  } finally {
    await stop?.();
    if (KEEP) console.log(`kept database: --database=${database.name} --password=${password}`);
    else await database.drop();
  }
}

await main();
