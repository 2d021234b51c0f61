// The manager's commentary of a monthly report (SPEC §7): four free-text sections, each possibly empty.

export const COMMENTARY_SECTIONS = ["wentWell", "issues", "proposals", "nextMonthPlan"] as const;
export type CommentarySection = (typeof COMMENTARY_SECTIONS)[number];
export type ReportCommentary = Record<CommentarySection, string>;

/** Longest text one section holds (a few pages of prose). */
export const COMMENTARY_MAX = 5_000;

export function emptyCommentary(): ReportCommentary {
  return { wentWell: "", issues: "", proposals: "", nextMonthPlan: "" };
}
