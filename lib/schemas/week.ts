import { z } from "zod";
import { parseIsoWeekKey } from "@/lib/domain/calendar";
import { MAX_IMPORT_BYTES } from "./economics";

/** The most hours one person can spend on one client in a week: every hour of it. */
export const MAX_WEEK_MINUTES = 168 * 60;

export type HoursParse =
  | { ok: true; minutes: number }
  | { ok: false; code: "hours_format" | "hours_negative" | "hours_too_many" };

/**
 * Hours as people type them, to whole minutes: "1:30", "1.5" (decimal hours, up to two decimals, rounded
 * half-up to the minute: "0.33" is 20 minutes), "1時間30分", "90分", "1h30m", "90m", full-width digits.
 * Empty is 0 (no hours). Never negative, never more than the week's 168 hours.
 */
export function parseHours(raw: string): HoursParse {
  const s = raw
    .normalize("NFKC")
    .replace(/\s+/g, "")
    .toLowerCase()
    .replace(/時間|hours?|hrs?/g, "h")
    .replace(/分|minutes?|mins?/g, "m");
  if (s === "") return { ok: true, minutes: 0 };
  if (/^-/.test(s)) return /\d/.test(s) ? { ok: false, code: "hours_negative" } : { ok: false, code: "hours_format" };
  let minutes: number | null = null;
  let match = /^(\d{1,4}):([0-5]\d)$/.exec(s);
  if (match) minutes = Number(match[1]) * 60 + Number(match[2]);
  match = minutes === null ? /^(\d{1,4})(?:\.(\d{1,2}))?h?$/.exec(s) : null;
  if (match) {
    const fraction = match[2] ?? "";
    const scale = 10 ** fraction.length;
    // Whole minutes, half-up: h + f/scale hours = 60h + 60f/scale minutes.
    minutes = Number(match[1]) * 60 + Math.floor((Number(fraction || "0") * 60 * 2 + scale) / (2 * scale));
  }
  match = minutes === null ? /^(?:(\d{1,4})h)?(?:(\d{1,5})m)?$/.exec(s) : null;
  if (match && (match[1] !== undefined || match[2] !== undefined)) {
    minutes = Number(match[1] ?? 0) * 60 + Number(match[2] ?? 0);
  }
  if (minutes === null) return { ok: false, code: "hours_format" };
  if (minutes > MAX_WEEK_MINUTES) return { ok: false, code: "hours_too_many" };
  return { ok: true, minutes };
}

/** "YYYY-Www" of a week that exists. */
export const isoWeek = z
  .string()
  .max(8)
  .refine((v) => parseIsoWeekKey(v) !== null, { message: "week.errors.week" });

const hours = z
  .union([z.string().max(40), z.number()], { message: "week.errors.hours_format" })
  .transform((raw, ctx) => {
    const parsed = parseHours(String(raw));
    if (parsed.ok) return parsed.minutes;
    ctx.addIssue({ code: "custom", message: `week.errors.${parsed.code}` });
    return z.NEVER;
  });

/** One member's hours on one client for one week; `version` as read (0: none entered yet). */
export const saveHoursSchema = z.object({
  clientId: z.uuid(),
  isoWeek,
  hours,
  version: z.coerce.number().int().min(0).max(2_147_483_647),
});

export const kpiImportSchema = z.object({
  /** The preview's token: the commit refuses if the file or the stored weeks changed since. */
  previewToken: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
  file: z
    .instanceof(File, { message: "economics.errors.no_file" })
    .refine((f) => f.size <= MAX_IMPORT_BYTES, { message: "economics.errors.file_too_large" }),
});
