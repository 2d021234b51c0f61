import "server-only";
import type { z } from "zod";
import { getDb, type Transaction } from "@/db/client";
import { auditLog } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import type { Permission } from "@/lib/auth/permissions";
import { authorise, getViewer, type Member } from "@/lib/auth/viewer";
import { type Locale, toLocale } from "@/lib/i18n/locales";
import { type Translator, translator } from "@/lib/i18n/messages";
import { ConflictError, FieldError, NotFoundError } from "./errors";
import { type FieldErrors, fieldErrorsOf, formDataToObject } from "./input";

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; code: "invalid"; message: string; fieldErrors: FieldErrors }
  | { ok: false; code: "not_found" | "conflict" | "unauthenticated" | "throttled" | "error"; message: string };

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

export type ActionMeta = { actionName: string; permission: Permission | "public"; readOnly?: boolean };

type Action<T> = ((previous: ActionResult<T> | null, input: unknown) => Promise<ActionResult<T>>) & ActionMeta;

/**
 * The one wrapper every agency server action goes through: session → membership of the active agency (the
 * tenant comes from the session, never from the input) → role check against lib/auth/permissions.ts → zod
 * parse with every field error → one transaction in the tenant's row-level-security context → at least one
 * audit row → a typed result. A caller without the permission gets "not found", and nothing is written.
 */
export function agencyAction<S extends z.ZodType, T>(definition: {
  name: string;
  permission: Permission;
  schema: S;
  /** An action that only reads (e.g. an import preview): same checks and context, no audit row required. */
  readOnly?: boolean;
  run: (input: z.output<S>, ctx: ActionContext) => Promise<T>;
}): Action<T> {
  const action = async (_previous: ActionResult<T> | null, raw: unknown): Promise<ActionResult<T>> => {
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
          await tx.insert(auditLog).values({ agencyId, actorUserId: member.userId, ...toAuditRow(entry) });
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
          await tx.insert(auditLog).values({ agencyId, actorUserId, ...toAuditRow(entry) });
        };
        const result = await definition.run(parsed.data, { tx, t, locale, audit });
        if (audited === 0) throw new Error(`${definition.name} wrote no audit row`);
        return result;
      });
      return { ok: true, data };
    } catch (error) {
      return failure(error, t, definition.name);
    }
  };
  return Object.assign(action, { actionName: definition.name, permission: "public" as const });
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

function invalid<T>(fieldErrors: FieldErrors, t: Translator): ActionResult<T> {
  return { ok: false, code: "invalid", message: t("errors.invalid"), fieldErrors };
}

function failure<T>(error: unknown, t: Translator, name: string): ActionResult<T> {
  if (error instanceof NotFoundError) return { ok: false, code: "not_found", message: t("errors.notFound") };
  if (error instanceof ConflictError) return { ok: false, code: "conflict", message: t("errors.conflict") };
  if (error instanceof FieldError) {
    return invalid({ [error.field]: [t(error.messageKey as "validation.invalid", error.values)] }, t);
  }
  console.error(`[action ${name}]`, error);
  return { ok: false, code: "error", message: t("errors.unexpected") };
}
