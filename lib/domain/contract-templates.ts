import type { SlaTerms } from "./contract";

/**
 * The SLA an agency starts from (SPEC §4.3): weekday support 10:00–18:00 by e-mail and chat, first response
 * within 4 business hours, resolution by severity, escalation within 2 hours, the monthly report by the 5th
 * business day, and two credited items capped at 10 % of the monthly fee. The editor offers it when the
 * SLA is switched on; the demo seed and the tests use it too.
 */
export const STANDARD_SLA: SlaTerms = {
  supportDays: ["mon", "tue", "wed", "thu", "fri"],
  supportOnHolidays: false,
  supportFrom: "10:00",
  supportTo: "18:00",
  channels: ["email", "chat"],
  firstResponseHours: 4,
  resolutionHours: { p1: 8, p2: 24, p3: 72 },
  escalationRoute: "担当オペレーター → マネージャー → 責任者",
  escalationDeadlineHours: 2,
  reportDeadlineBusinessDay: 5,
  weeklyUpdateDay: "mon",
  items: [
    { key: "report_deadline", label: "月次レポート期限", measure: "report_deadline", targetBp: null, creditBp: 500 },
    { key: "first_response", label: "一次回答", measure: "response_rate", targetBp: 9_000, creditBp: 300 },
  ],
  creditCapBp: 1_000,
};
