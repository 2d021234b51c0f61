import type { SlaTerms } from "@/lib/domain/contract";

/** The SLA a new contract starts from when the editor turns the SLA on: weekday support and two credited items. */
export const SAMPLE_SLA_TEMPLATE: SlaTerms = {
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
