import { PGlite, type QueryOptions, type Results } from "@electric-sql/pglite";

// The server loads this module once per bundle (the instrumentation hook opens the connection that pages then use),
// so a connection is recognised by a global symbol, not by `instanceof` one bundle's class.
const BRAND = Symbol.for("agency-portal.pglite-named-statements");

/** Whether `client` is a PgliteWithNamedStatements, whichever copy of this module made it. */
export function hasNamedStatements(client: unknown): client is PgliteWithNamedStatements {
  return typeof client === "object" && client !== null && (client as { [BRAND]?: unknown })[BRAND] === true;
}

/*
 * Server-side prepared statements on the embedded database.
 *
 * PGlite runs every query as an unnamed statement, so Postgres parses and plans it again each time. The session
 * check that every signed-in request runs (db/queries/sessions.ts) took 0.53 ms that way and 0.29 ms prepared.
 * Postgres.js on a real server keeps named statements itself; here a statement that a query module names is
 * prepared once per database (`PREPARE`) and then run with `EXECUTE`, which skips parsing and, after a few runs,
 * planning.
 *
 * `EXECUTE` takes its arguments as SQL, not as bound parameters, so they are written as quoted literals. Only
 * plain strings without a backslash or a NUL are written that way (each quote doubled), and `null` as NULL: an
 * untyped literal is read by the parameter's type's input function exactly as a bound text parameter is. A call
 * with any other argument runs as an ordinary query.
 */
export class PgliteWithNamedStatements extends PGlite {
  readonly [BRAND] = true;
  readonly #named = new Map<string, { name: string; prepared?: Promise<unknown> }>();

  /**
   * From now on, `text` (a query module's SQL, with $1, $2 … parameters) runs as a prepared statement named after
   * `name` and numbered, so that a changed text (a module reloaded in development) gets a statement of its own.
   */
  nameStatement(name: string, text: string): void {
    if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a statement name: ${name}`);
    if (!this.#named.has(text)) this.#named.set(text, { name: `${name}_${this.#named.size + 1}` });
  }

  override async query<T>(query: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>> {
    const named = this.#named.get(query);
    const literals = named && params ? sqlLiterals(params) : undefined;
    if (!named || !literals) return super.query<T>(query, params, options);
    named.prepared ??= this.exec(`prepare ${named.name} as ${query}`).catch((error: unknown) => {
      // Not prepared after all (the next call tries again); this call fails as the statement would have.
      named.prepared = undefined;
      throw error;
    });
    await named.prepared;
    return super.query<T>(`execute ${named.name}(${literals.join(", ")})`, [], options);
  }
}

/** The arguments as SQL literals, or undefined if one is not a plain string or null (see above). */
export function sqlLiterals(params: readonly unknown[]): string[] | undefined {
  const literals: string[] = [];
  for (const value of params) {
    if (value === null) literals.push("NULL");
    else if (typeof value === "string" && !/[\\\0]/.test(value)) literals.push(`'${value.replaceAll("'", "''")}'`);
    else return undefined;
  }
  return literals;
}
