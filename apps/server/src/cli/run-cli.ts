import { ConfigError } from '../platform/config/index.js';

/**
 * Runs a command and exits with the code its main returns (0 when none). A configuration error
 * prints its message alone (it names the variable to fix); anything else prints in full.
 */
export function runCli(main: () => Promise<number | void>): void {
  main().then(
    (code) => process.exit(code ?? 0),
    (error: unknown) => {
      console.error(error instanceof ConfigError ? error.message : error);
      process.exit(1);
    },
  );
}
