/**
 * A copy of `text` that shares no memory with the string it was cut from. V8 represents a
 * substring of 13 characters or more as a slice of its parent, which stays alive as long as the
 * slice does: a commune name remembered from a 64 KiB piece of an imported file kept the whole
 * decoded piece (docs/perf.md, import, 2026-11-30 12:20). Concatenating builds a new string, which
 * `slice` flattens into its own memory; used for keys that outlive the text they came from.
 */
export function detachedCopy(text: string): string {
  return ` ${text}`.slice(1);
}
