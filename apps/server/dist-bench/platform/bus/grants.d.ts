import { type Database } from '../db/index.js';
export declare const BUS_SCHEMA = "pgboss";
/**
 * Sending runs inside business transactions, as the application role: it inserts into the job
 * tables and reads the queue table. The migration `bus_privileges` sets default privileges for
 * tables pg-boss creates later (queue partitions); this also covers tables that existed before it.
 * The application role may not update or delete jobs: retries and redrives go through the owner.
 */
export declare function grantSendPrivileges(database: Database): Promise<void>;
