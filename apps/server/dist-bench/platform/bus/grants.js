import { APP_ROLE, withOwnerClient } from '../db/index.js';
export const BUS_SCHEMA = 'pgboss';
/**
 * Sending runs inside business transactions, as the application role: it inserts into the job
 * tables and reads the queue table. The migration `bus_privileges` sets default privileges for
 * tables pg-boss creates later (queue partitions); this also covers tables that existed before it.
 * The application role may not update or delete jobs: retries and redrives go through the owner.
 */
export async function grantSendPrivileges(database) {
    await withOwnerClient(database, (client) => client.query(`GRANT USAGE ON SCHEMA ${BUS_SCHEMA} TO ${APP_ROLE}; GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA ${BUS_SCHEMA} TO ${APP_ROLE}`));
}
//# sourceMappingURL=grants.js.map