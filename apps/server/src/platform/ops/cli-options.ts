/** `--name=value` and `--flag` options plus positional arguments, as the ops commands take them. */
export interface CliOptions {
  values: Map<string, string>;
  flags: Set<string>;
  positional: string[];
}

export function parseCliOptions(argv: readonly string[]): CliOptions {
  const options: CliOptions = { values: new Map(), flags: new Set(), positional: [] };
  for (const arg of argv) {
    const match = /^--([a-z][a-z-]*)(?:=(.*))?$/.exec(arg);
    if (!match) options.positional.push(arg);
    else if (match[2] === undefined) options.flags.add(match[1]!);
    else options.values.set(match[1]!, match[2]);
  }
  return options;
}

/** A file name safe on every system, e.g. `maillage-backup-20261129T0930Z.tar`. */
export function timestampedName(prefix: string, extension: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/:\d\d\.\d+Z$/, 'Z').replaceAll(/[-:]/g, '');
  return `${prefix}-${stamp}${extension}`;
}
