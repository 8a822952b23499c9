import { ConflictError, type FieldError } from '../../../platform/http/errors.js';

/** The driver's unique-violation code, through Drizzle's wrapper (DrizzleQueryError keeps it as `cause`). */
export function uniqueViolation(error: unknown): string | null {
  const own = error as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
  const code = own.code ?? own.cause?.code;
  if (code !== '23505') return null;
  return own.constraint ?? own.cause?.constraint ?? '';
}

/** Runs a write and turns the named unique constraints into 409s with a pointer. */
export async function withUniqueConflicts<T>(
  write: () => Promise<T>,
  conflicts: Record<string, { code: string; detail: string; error: FieldError }>,
): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const constraint = uniqueViolation(error);
    if (constraint !== null) {
      const known = conflicts[constraint] ?? Object.values(conflicts)[0];
      if (known) throw new ConflictError(known.detail, known.code, [known.error]);
    }
    throw error;
  }
}
