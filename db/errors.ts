/**
 * Errors the data layer raises. Query functions throw them; the action wrapper (lib/actions/safe-action.ts)
 * turns each into its typed result and rolls the transaction back, and the read wrapper
 * (lib/actions/agency-read.ts) answers NotFoundError with a 404.
 */

/** The row does not exist, or the caller may not see it: the two are never told apart. */
export class NotFoundError extends Error {
  constructor(what = "row") {
    super(`${what} not found`);
  }
}

/** The row changed since the caller read it (optimistic concurrency). */
export class ConflictError extends Error {
  constructor(readonly entity: string) {
    super(`${entity} was changed by someone else`);
  }
}

/** A rule only the database can check (e.g. a code already taken), reported against one form field. */
export class FieldError extends Error {
  constructor(
    readonly field: string,
    readonly messageKey: string,
    readonly values?: Record<string, string | number>,
  ) {
    super(`${field}: ${messageKey}`);
  }
}

/** Postgres' unique_violation, optionally for one named constraint. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    const pg = e as { code?: string; constraint_name?: string; constraint?: string };
    if (pg.code === "23505") return !constraint || (pg.constraint_name ?? pg.constraint) === constraint;
  }
  return false;
}

/** Runs a write and reports a unique violation of `constraint` as `error` (a field error or a conflict). */
export async function onUniqueViolation<T>(write: PromiseLike<T>, constraint: string, error: () => Error): Promise<T> {
  try {
    return await write;
  } catch (cause) {
    if (isUniqueViolation(cause, constraint)) throw error();
    throw cause;
  }
}
