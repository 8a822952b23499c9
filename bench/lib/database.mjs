import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** A uniquely named database next to the admin URL's one; drop() removes it even with open connections. */
export async function createThrowawayDatabase(adminUrl) {
  const name = `maillage_bench_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { name, url: url.toString(), drop: () => adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** A database kept by an earlier run (`--database=<name>`), next to `adminUrl`; never dropped. */
export function existingDatabase(adminUrl, name) {
  if (!/^\w+$/.test(name)) throw new Error(`--database: not a database name: ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { name, url: url.toString(), drop: async () => {} };
}

/** The value of `--name=value` on the command line. */
export const option = (name) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);

async function adminQuery(url, sql) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Migrates and seeds the network and the demo accounts with the built server's own code, so the
 * rows are exactly what an install holds. Returns the id of an entity to read (a département).
 */
export async function seedDatabase(dist, url, password) {
  const db = await import(`${dist}/platform/db/index.js`);
  const entities = await import(`${dist}/modules/entities/index.js`);
  const identity = await import(`${dist}/modules/identity/index.js`);
  const database = await db.openDatabase({ databaseUrl: url, dataDir: '', databasePoolSize: 4 });
  try {
    await db.runMigrations(database);
    const network = await entities.seedNetwork(database);
    await identity.seedDemoAccounts({ database }, { password });
    const { rows } = await database.pool.query(`SELECT id FROM entities WHERE code = '69'`);
    const count = await database.pool.query('SELECT count(*)::int AS n FROM entities');
    return { entityId: rows[0].id, entities: count.rows[0].n, created: network.created };
  } finally {
    await database.close();
  }
}
