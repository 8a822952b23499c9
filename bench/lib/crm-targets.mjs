import { readFileSync } from 'node:fs';
import pg from 'pg';

/**
 * What the CRM bench asks for, read from the seeded database: a company of the Rhône, a contact's
 * address, a name to misspell (one letter dropped from the family name of a real "Boulangerie …")
 * and a SIREN prefix.
 */
export async function pickCrmTargets(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const one = async (sql) => (await client.query(sql)).rows[0];
    // Rows from the middle of their index, rather than the first ones.
    const middle = async (table, where = 'true') => (await one(`SELECT count(*)::int / 2 AS n FROM ${table} WHERE ${where}`)).n;
    const company = await one(`SELECT id, siren FROM organizations WHERE departement_code = '69' ORDER BY siren OFFSET ${await middle('organizations', `departement_code = '69'`)} LIMIT 1`);
    const email = await one(`SELECT email FROM person_emails ORDER BY id OFFSET ${await middle('person_emails')} LIMIT 1`);
    const bakery = await one(`SELECT name FROM organizations WHERE name ~ '^Boulangerie [A-Z][a-z]{4,}$' ORDER BY siren LIMIT 1`);
    const misspelt = bakery.name.replace(/^(Boulangerie [A-Z][a-z]{2})[a-z]/, '$1');
    const rhone = await one(`SELECT id FROM entities WHERE code = '69'`);
    return { rhoneEntityId: rhone.id, organizationId: company.id, sirenPrefix: company.siren.slice(0, 5), email: email.email, misspeltName: misspelt, rightName: bakery.name };
  } finally {
    await client.end();
  }
}

/** Seeds the CRM demo data set with the built server's own code; returns its counts and duration. */
export async function seedCrm(dist, url, scale) {
  const db = await import(`${dist}/platform/db/index.js`);
  const crm = await import(`${dist}/modules/crm/index.js`);
  const database = await db.openDatabase({ databaseUrl: url, dataDir: '', databasePoolSize: 2 });
  const started = performance.now();
  try {
    let reported = 0;
    const result = await crm.seedCrmDemo(database, {
      scale,
      onProgress: (done, total) => {
        if (done - reported >= total / 10) {
          reported = done;
          console.log(`  CRM demo: ${done} / ${total} companies, ${((performance.now() - started) / 1000).toFixed(0)} s`);
        }
      },
    });
    return { ...result, seconds: (performance.now() - started) / 1000 };
  } finally {
    await database.close();
  }
}

/** Peak resident memory of a process while `work` runs, sampled from /proc every 50 ms (Linux). */
export async function peakRss(pid, work) {
  const rss = () => {
    try {
      return readRss(pid);
    } catch {
      return NaN;
    }
  };
  const before = rss();
  let peak = before;
  const timer = setInterval(() => {
    peak = Math.max(peak, rss());
  }, 50);
  try {
    const result = await work();
    return { result, rssBeforeMb: before / 2 ** 20, rssPeakMb: Math.max(peak, rss()) / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
}

function readRss(pid) {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('VmRSS:'));
  return Number(line.split(/\s+/)[1]) * 1024;
}

/** The path of a list's page `depth` (or its last page), walked cursor by cursor from `path`. */
export async function deepPage(base, path, headers, depth) {
  let current = path;
  let reached = 1;
  while (reached < depth) {
    const response = await fetch(base + current, { headers });
    if (response.status !== 200) throw new Error(`${base}${current}: ${response.status} ${await response.text()}`);
    const { nextCursor } = await response.json();
    if (!nextCursor) break;
    current = `${path}&cursor=${nextCursor}`;
    reached += 1;
  }
  return { path: current, depth: reached };
}
