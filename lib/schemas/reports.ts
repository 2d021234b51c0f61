import { z } from "zod";
import { COMMENTARY_MAX } from "@/lib/domain/report-commentary";
import { text, version } from "./fields";

/** "YYYY-MM" of a report (the years the business calendar knows). */
export const REPORT_MONTH = /^(20\d\d)-(0[1-9]|1[0-2])$/;
export const reportMonth = z.string().regex(REPORT_MONTH, { message: "validation.format" });

const commentaryText = text({ max: COMMENTARY_MAX, multiline: true });

export const generateReportSchema = z.object({ clientId: z.uuid(), month: reportMonth });

export const bulkGenerateSchema = z.object({ month: reportMonth });

export const retryRunSchema = z.object({ runId: z.uuid() });

export const commentarySchema = z.object({
  reportId: z.uuid(),
  version,
  wentWell: commentaryText,
  issues: commentaryText,
  proposals: commentaryText,
  nextMonthPlan: commentaryText,
});

export const publishReportSchema = z.object({ reportId: z.uuid(), version });

export const bulkPublishSchema = z.object({
  items: z
    .array(z.object({ reportId: z.uuid(), version }))
    .min(1)
    .max(1_000)
    .refine((items) => new Set(items.map((i) => i.reportId)).size === items.length, {
      message: "validation.invalid",
    }),
});
