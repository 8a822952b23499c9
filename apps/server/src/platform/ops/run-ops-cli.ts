import { OpsError } from './ops-error.js';
import { runCli } from '../../cli/run-cli.js';

/** runCli, with an operator-facing refusal (OpsError) printed as its message alone. */
export function runOpsCli(main: () => Promise<number>): void {
  runCli(async () => {
    try {
      return await main();
    } catch (error) {
      if (!(error instanceof OpsError)) throw error;
      console.error(error.message);
      return 1;
    }
  });
}
