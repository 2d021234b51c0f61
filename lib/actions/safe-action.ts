import "server-only";
import type { z } from "zod";
import { getDb, type Transaction } from "@/db/client";
import { ConflictError, FieldError, NotFoundError } from "@/db/errors";
import { insertAuditRow } from "@/db/queries/audit";
import { enterTenant, withTenant } from "@/db/tenant";
import type { Permission } from "@/lib/auth/permissions";
import { RateLimitedError } from "@/lib/auth/rate-limit";
import { authorise, getViewer, type Member, type Viewer } from "@/lib/auth/viewer";
import { type Locale, toLocale } from "@/lib/i18n/locales";
import { type Translator, translator } from "@/lib/i18n/messages";
import { type FieldErrors, fieldErrorsOf, formDataToObject } from "./input";

/**
 * `C`: what a conflict result carries, for actions that declare `conflict` (the state that won, so the
 * caller can show theirs beside its own and save again without reloading); absent otherwise.
 */
export type ActionResult<T, C = unknown> =
  | { ok: true; data: T }
  | { ok: false; code: "invalid"; message: string; fieldErrors: FieldErrors }
  | { ok: false; code: "conflict"; message: string; current?: C }
  | { ok: false; code: "not_found" | "unauthenticated" | "throttled" | "error"; message: string };

/**
 * Thrown by an action's `run` for rules that need the database (a client's channels, its plan): every
 * field error at once, already translated; the transaction rolls back and the caller gets "invalid".
 */
export class InvalidInput extends Error {
  constructor(readonly fieldErrors: FieldErrors) {
    super(`invalid input: ${Object.keys(fieldErrors).join(", ")}`);
  }
}

export type AuditEntry = {
  action: string;
  entity: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
};

export type ActionContext = {
  tx: Transaction;
  member: Member;
  agencyId: string;
  t: Translator;
  audit: (entry: AuditEntry) => Promise<void>;
  /** Work that must not hold the transaction open or run if it rolls back (sending mail). */
  afterCommit: (fn: () => Promise<unknown>) => void;
};

/** `permission`: the role check of an agency action; "user" for the signed-in user's own account; "public". */
export type ActionMeta = { actionName: string; permission: Permission | "user" | "public"; readOnly?: boolean };

/**
 * What a client component receives to call an action: pages and layouts pass actions down as props, so
 * nothing under components/ imports from app/.
 */
export type ServerAction<T, C = unknown> = (
  previous: ActionResult<T, C> | null,
  input: unknown,
) => Promise<ActionResult<T, C>>;

type Action<T, C = unknown> = ServerAction<T, C> & ActionMeta;

/** What `conflict` may read: the same member and tenant, in a fresh transaction after the failed one. */
export type ConflictContext = { tx: Transaction; member: Member; agencyId: string };

/**
 * The one wrapper every agency server action goes through: session → membership of the active agency (the
 * tenant comes from the session, never from the input) → role check against lib/auth/permissions.ts → zod
 * parse with every field error → one transaction in the tenant's row-level-security context → at least one
 * audit row → a typed result. A caller without the permission gets "not found", and nothing is written.
 */
export function agencyAction<S extends z.ZodType, T, C = unknown>(definition: {
  name: string;
  permission: Permission;
  schema: S;
  /** An action that only reads (e.g. an import preview): same checks and context, no audit row required. */
  readOnly?: boolean;
  run: (input: z.output<S>, ctx: ActionContext) => Promise<T>;
  /**
   * On a ConflictError, reads the state that won (in a new transaction: the failed one is rolled back)
   * for the conflict result's `current`. Without it a conflict carries only its message.
   */
  conflict?: (input: z.output<S>, ctx: ConflictContext) => Promise<C>;
}): Action<T, C> {
  const action = async (_previous: ActionResult<T, C> | null, raw: unknown): Promise<ActionResult<T, C>> => {
    const viewer = await getViewer();
    const t = translator(viewer?.locale ?? "ja");
    if (!viewer) return { ok: false, code: "unauthenticated", message: t("errors.unauthenticated") };
    const member = authorise(viewer, definition.permission);
    if (!member) return { ok: false, code: "not_found", message: t("errors.notFound") };
    const parsed = definition.schema.safeParse(raw instanceof FormData ? formDataToObject(raw) : raw);
    if (!parsed.success) return invalid(fieldErrorsOf(parsed.error, t), t);

    const agencyId = member.membership.agencyId;
    const deferred: (() => Promise<unknown>)[] = [];
    try {
      const data = await withTenant(getDb(), agencyId, async (tx) => {
        let audited = 0;
        const audit = async (entry: AuditEntry) => {
          audited++;
          await insertAuditRow(tx, { agencyId, actorUserId: member.userId, ...toAuditRow(entry) });
        };
        const afterCommit = (fn: () => Promise<unknown>) => void deferred.push(fn);
        const result = await definition.run(parsed.data, { tx, member, agencyId, t, audit, afterCommit });
        // A mutation without its audit row is a bug, not a success: roll it back.
        if (audited === 0 && !definition.readOnly) throw new Error(`${definition.name} wrote no audit row`);
        return result;
      });
      for (const fn of deferred)
        await fn().catch((error: unknown) => console.error(`[action ${definition.name}] after commit`, error));
      return { ok: true, data };
    } catch (error) {
      const conflict = definition.conflict;
      if (error instanceof ConflictError && conflict) {
        try {
          const current = await withTenant(getDb(), agencyId, (tx) => conflict(parsed.data, { tx, member, agencyId }));
          return { ok: false, code: "conflict", message: t("errors.conflict"), current };
        } catch (readError) {
          console.error(`[action ${definition.name}] reading the conflict's current state`, readError);
        }
      }
      return failure(error, t, definition.name);
    }
  };
  return Object.assign(action, {
    actionName: definition.name,
    permission: definition.permission,
    readOnly: definition.readOnly ?? false,
  });
}

export type PublicActionContext = {
  tx: Transaction;
  t: Translator;
  locale: Locale;
  audit: (agencyId: string, actorUserId: string | null, entry: AuditEntry) => Promise<void>;
};

/**
 * For the few actions that happen before there is an agency membership (sign-up, accepting an invite):
 * validated and transactional like the rest, run as system queries, and audited against the agency they
 * touch.
 */
export function publicAction<S extends z.ZodType, T>(definition: {
  name: string;
  schema: S;
  locale: () => Promise<string | undefined>;
  /**
   * Why this action writes no audit row (the audit log belongs to an agency; a sign-up request has none
   * yet, and is audited when its confirmation creates the agency).
   */
  unaudited?: string;
  run: (input: z.output<S>, ctx: PublicActionContext) => Promise<T>;
}): Action<T> {
  const action = async (_previous: ActionResult<T> | null, raw: unknown): Promise<ActionResult<T>> => {
    const locale = toLocale(await definition.locale());
    const t = translator(locale);
    const parsed = definition.schema.safeParse(raw instanceof FormData ? formDataToObject(raw) : raw);
    if (!parsed.success) return invalid(fieldErrorsOf(parsed.error, t), t);
    try {
      const data = await getDb().transaction(async (tx) => {
        let audited = 0;
        const audit = async (agencyId: string, actorUserId: string | null, entry: AuditEntry) => {
          audited++;
          await insertAuditRow(tx, { agencyId, actorUserId, ...toAuditRow(entry) });
        };
        const result = await definition.run(parsed.data, { tx, t, locale, audit });
        if (audited === 0 && !definition.unaudited) throw new Error(`${definition.name} wrote no audit row`);
        return result;
      });
      return { ok: true, data };
    } catch (error) {
      return failure(error, t, definition.name);
    }
  };
  return Object.assign(action, { actionName: definition.name, permission: "public" as const });
}

export type UserActionContext = {
  tx: Transaction;
  viewer: Viewer;
  t: Translator;
  /** Recorded, when the transaction's own writes are done, in the audit log of the agency the user works in. */
  audit: (entry: AuditEntry) => void;
  afterCommit: (fn: () => Promise<unknown>) => void;
};

/**
 * For the signed-in user's own account (language, active agency, password): no role check, since a user
 * may always change their own settings, but the same parse → one transaction → audit → typed result as
 * every other action. The user row is global, so `run` writes it as a system query; the audit rows then go,
 * in the same transaction, to the agency the user is working in (a user with no agency left has no log).
 */
export function userAction<S extends z.ZodType, T>(definition: {
  name: string;
  schema: S;
  run: (input: z.output<S>, ctx: UserActionContext) => Promise<T>;
}): Action<T> {
  const action = async (_previous: ActionResult<T> | null, raw: unknown): Promise<ActionResult<T>> => {
    const viewer = await getViewer();
    const t = translator(viewer?.locale ?? "ja");
    if (!viewer) return { ok: false, code: "unauthenticated", message: t("errors.unauthenticated") };
    const parsed = definition.schema.safeParse(raw instanceof FormData ? formDataToObject(raw) : raw);
    if (!parsed.success) return invalid(fieldErrorsOf(parsed.error, t), t);
    const deferred: (() => Promise<unknown>)[] = [];
    try {
      const data = await getDb().transaction(async (tx) => {
        const entries: AuditEntry[] = [];
        const audit = (entry: AuditEntry) => void entries.push(entry);
        const afterCommit = (fn: () => Promise<unknown>) => void deferred.push(fn);
        const result = await definition.run(parsed.data, { tx, viewer, t, audit, afterCommit });
        if (entries.length === 0) throw new Error(`${definition.name} wrote no audit row`);
        const agencyId = viewer.membership?.agencyId;
        if (agencyId) {
          await enterTenant(tx, agencyId);
          for (const entry of entries) {
            await insertAuditRow(tx, { agencyId, actorUserId: viewer.userId, ...toAuditRow(entry) });
          }
        }
        return result;
      });
      for (const fn of deferred)
        await fn().catch((error: unknown) => console.error(`[action ${definition.name}] after commit`, error));
      return { ok: true, data };
    } catch (error) {
      return failure(error, t, definition.name);
    }
  };
  return Object.assign(action, { actionName: definition.name, permission: "user" as const });
}

function toAuditRow(entry: AuditEntry) {
  return {
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
  };
}

function invalid<T>(fieldErrors: FieldErrors, t: Translator): ActionResult<T, never> {
  return { ok: false, code: "invalid", message: t("errors.invalid"), fieldErrors };
}

function failure<T>(error: unknown, t: Translator, name: string): ActionResult<T, never> {
  if (error instanceof InvalidInput) return invalid(error.fieldErrors, t);
  if (error instanceof NotFoundError) return { ok: false, code: "not_found", message: t("errors.notFound") };
  if (error instanceof ConflictError) return { ok: false, code: "conflict", message: t("errors.conflict") };
  if (error instanceof RateLimitedError) return { ok: false, code: "throttled", message: t("auth.throttled") };
  if (error instanceof FieldError) {
    return invalid({ [error.field]: [t(error.messageKey as "validation.invalid", error.values)] }, t);
  }
  console.error(`[action ${name}]`, error);
  return { ok: false, code: "error", message: t("errors.unexpected") };
}
