/** The variants typed as JSON, or null while the text is not a JSON object. */
export function parseVariants(text: string): Record<string, unknown> | null {
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** JSON Merge Patch merges objects: a variant that disappeared is sent as null to delete it. */
export function withRemovals(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, unknown> {
  const removals = Object.fromEntries(Object.keys(before).filter((name) => !(name in after)).map((name) => [name, null]));
  return { ...removals, ...after };
}
