import { APP_ROLE, withOwnerClient, type Database } from '../db/index.js';

export const BUS_SCHEMA = 'pgboss';

/**
 * Sending runs inside business transactions, as the application role: it inserts into the job
 * tables and reads the queue table. The migration `bus_privileges` grants the schema and default
 * privileges for the tables pg-boss creates (queue partitions included); this catches up tables
 * created before it. Only missing grants are issued: concurrent GRANTs on one table from several
 * booting processes can fail with "tuple concurrently updated".
 * The application role may not update or delete jobs: retries and redrives go through the owner.
 */
export async function grantSendPrivileges(database: Database): Promise<void> {
  await withOwnerClient(database, async (client) => {
    const { rows } = await client.query<{ name: string }>(
      `SELECT format('%I.%I', n.nspname, c.relname) AS name
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = $1 AND c.relkind IN ('r', 'p')
         AND NOT (has_table_privilege($2, c.oid, 'SELECT') AND has_table_privilege($2, c.oid, 'INSERT'))`,
      [BUS_SCHEMA, APP_ROLE],
    );
    for (const { name } of rows) await client.query(`GRANT SELECT, INSERT ON ${name} TO ${APP_ROLE}`);
  });
}
