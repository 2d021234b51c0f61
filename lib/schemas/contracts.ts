import { z } from "zod";
import { CHECKLIST_STATUSES } from "@/lib/domain/checklist";
import { type ContractVersion, validateContractVersion } from "@/lib/domain/contract";
import type { FieldError } from "@/lib/domain/result";
import { cleanText } from "@/lib/fields/text";
import { text, version } from "./fields";

/** The catalogue key of a domain validation code: every code of lib/domain/result.ts has a message. */
export const domainErrorKey = (code: FieldError["code"]) => `contracts.errors.${code}`;

/** Multi-line texts of a version (clauses); every other string in it is one line. */
const MULTILINE = /^terms\.clauses\.|^sla\.escalationRoute$/;

/**
 * Every string in a version under the one text rule (control and bidi characters refused, NFC, trimmed),
 * reported at its path; the cleaned copy is what the domain then validates.
 */
function cleanStrings(value: unknown, path: string[], issues: { path: string[]; message: string }[]): unknown {
  if (typeof value === "string") {
    const cleaned = cleanText(value, { multiline: MULTILINE.test(path.join(".")) });
    if (cleaned.ok) return cleaned.value;
    issues.push({ path, message: `validation.${cleaned.problem}` });
    return value;
  }
  if (Array.isArray(value)) return value.map((v, i) => cleanStrings(v, [...path, String(i)], issues));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, cleanStrings(v, [...path, k], issues)]),
    );
  }
  return value;
}

/**
 * A contract version as the editor sends it (a JSON object, or its JSON text from a form field), checked by
 * validateContractVersion: each domain error becomes a field error at `<field>.<domain path>`.
 */
export const contractDocument = z
  .union([z.string().max(2_000_000), z.record(z.string(), z.unknown())], { message: "validation.invalidType" })
  .transform((raw, ctx): ContractVersion => {
    let input: unknown = raw;
    if (typeof raw === "string") {
      try {
        input = JSON.parse(raw);
      } catch {
        ctx.addIssue({ code: "custom", message: "validation.format" });
        return z.NEVER;
      }
    }
    const issues: { path: string[]; message: string }[] = [];
    const cleaned = cleanStrings(input, [], issues);
    for (const issue of issues) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
    if (issues.length > 0) return z.NEVER;
    const result = validateContractVersion(cleaned);
    if (!result.ok) {
      for (const error of result.errors) {
        ctx.addIssue({
          code: "custom",
          path: error.field === "" ? [] : error.field.split("."),
          message: domainErrorKey(error.code),
        });
      }
      return z.NEVER;
    }
    return result.value;
  });

const title = text({ min: 1, max: 100 });
const note = text({ max: 500 });

export const createContractSchema = z.object({
  clientId: z.uuid(),
  title,
  document: contractDocument,
  note: note.optional().default(""),
});

/** A copy of another contract (of any client of the same agency) for this client, as a new draft. */
export const copyContractSchema = z.object({
  clientId: z.uuid(),
  sourceContractId: z.uuid(),
  title,
});

export const amendContractSchema = z.object({
  clientId: z.uuid(),
  contractId: z.uuid(),
  /** The contract's version as the author read it. */
  version,
  document: contractDocument,
  note: text({ min: 1, max: 500 }),
  /** The first month the amendment bills; this month (Asia/Tokyo) when absent. */
  effectiveMonth: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z
      .string()
      .regex(/^(20\d\d)-(0[1-9]|1[0-2])$/, { message: "validation.format" })
      .optional(),
  ),
});

export const contractStatusSchema = z.object({
  clientId: z.uuid(),
  contractId: z.uuid(),
  version,
});

export const checklistItemSchema = z.object({
  clientId: z.uuid(),
  contractId: z.uuid(),
  /** The version the checklist was read for: a decision on a version that is no longer current conflicts. */
  versionId: z.uuid(),
  item: z.coerce.number().int().min(1).max(10),
  status: z.enum(CHECKLIST_STATUSES),
  note: text({ max: 2_000, multiline: true }),
});

export const MONTH = /^(20\d\d)-(0[1-9]|1[0-2])$/;
export const monthKey = z.string().regex(MONTH, { message: "validation.format" });

const KPI_KEYS = ["cvr", "repeat_rate", "sla_response_rate"] as const;

/** One figure as typed: empty = not entered (null), otherwise an integer (commas and ¥ allowed). */
const figure = z
  .union([z.string().max(40), z.number(), z.null()], { message: "validation.invalidType" })
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v === null) return null;
    if (typeof v === "number") {
      if (!Number.isSafeInteger(v)) {
        ctx.addIssue({ code: "custom", message: "validation.wholeNumber" });
        return z.NEVER;
      }
      return v;
    }
    const s = v.replace(/[¥,\s]/g, "");
    if (s === "") return null;
    if (!/^-?\d{1,16}$/.test(s)) {
      ctx.addIssue({ code: "custom", message: "validation.wholeNumber" });
      return z.NEVER;
    }
    return Number(s);
  });

const ratio = z
  .object({ numerator: figure, denominator: figure }, { message: "validation.invalidType" })
  .nullable()
  .optional()
  .transform((r) =>
    r && r.numerator !== null && r.denominator !== null ? { numerator: r.numerator, denominator: r.denominator } : null,
  );

/**
 * A month's actuals for the fee simulator: every figure optional ("not entered"). Ranges are the invoice
 * engine's (checked by the action against the contract, as they depend on its SLA items).
 */
export const actualsInput = z.object(
  {
    sales: figure,
    orders: figure,
    grossProfit: figure,
    adRevenue: figure,
    adSpend: figure,
    customisationMinutes: figure,
    kpiValues: z
      .object(Object.fromEntries(KPI_KEYS.map((k) => [k, ratio])) as Record<(typeof KPI_KEYS)[number], typeof ratio>)
      .optional(),
    missedSlaItems: z
      .array(z.string().regex(/^[a-z0-9_]{1,40}$/, { message: "validation.format" }))
      .max(20)
      .optional(),
  },
  { message: "validation.invalidType" },
);

export const saveActualsSchema = z.object({
  clientId: z.uuid(),
  contractId: z.uuid(),
  month: monthKey,
  /** 0 when no actuals were saved for the month yet. */
  version: z.coerce.number().int().min(0),
  actuals: actualsInput,
});

/** 適格請求書発行事業者の登録番号: "T" and 13 digits (full-width digits and spaces are accepted and normalised). */
export const registrationNumber = z
  .string()
  .max(40)
  .transform((s) => s.normalize("NFKC").replace(/[\s-]/g, "").toUpperCase())
  .pipe(z.string().regex(/^(T\d{13})?$/, { message: "contracts.errors.registration_number" }));

export const agencyInvoiceSettingsSchema = z.object({
  invoiceRegistrationNumber: registrationNumber,
});
