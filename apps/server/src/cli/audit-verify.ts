// The chain module only: the CLI needs neither HTTP nor the modules.
import { sealAuditEvents, verifyAuditChain } from '../platform/audit/audit-chain.js';
import { loadConfig } from '../platform/config/index.js';
import { openDatabase } from '../platform/db/index.js';
import { runCli } from './run-cli.js';

/**
 * `npm run audit:verify`: seals pending audit events, then recomputes the whole hash chain.
 * Exit 0 when intact (prints the count and the head hash, worth archiving outside the database);
 * exit 1 with the first broken position otherwise. With embedded PGlite, stop the server first:
 * the data directory takes one process at a time.
 */
async function main(): Promise<number> {
  const config = loadConfig();
  const database = await openDatabase(config);
  try {
    const sealed = await sealAuditEvents(database);
    const result = await verifyAuditChain(database);
    if (result.intact) {
      console.log(`Audit trail intact: ${result.count} events verified (${sealed} sealed just now). Head hash: ${result.headHash}`);
      return 0;
    }
    console.error(`Audit trail BROKEN at position ${result.brokenAt}: ${result.reason}. ${result.count} events verified before it.`);
    return 1;
  } finally {
    await database.close();
  }
}

runCli(main);
