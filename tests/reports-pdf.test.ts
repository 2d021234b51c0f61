import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { KPIS } from "@/lib/domain/kpi";
import { buildReportSnapshot } from "@/lib/domain/report";
import { translator } from "@/lib/i18n/messages";
import { kpiCsv, kpiCsvText } from "@/lib/reports/csv";
import { renderReportPdf } from "@/lib/reports/pdf";

// The report's downloads: the PDF carries real Japanese text (the embedded font, read back with pdftotext from
// Debian's poppler-utils, which `npm run test:unit` installs when missing) and the KPI CSV both encodings.

const snapshot = buildReportSnapshot({
  month: "2026-04",
  generatedAt: "2026-05-07T01:00:00.000Z",
  client: { id: "c1", name: "さくら商店", code: "SAKURA" },
  agencyName: "テスト代行",
  kpis: [
    {
      kpi: "sales",
      tier: "surface",
      direction: "higher",
      unit: KPIS.sales.unit,
      actual: { value: 2_500_000 },
      target: 2_000_000,
      achievement: { achievementBp: 12_500, status: "on_track" },
      monthOnMonth: { delta: 500_000, relativeBp: 2_500 },
      yearOnYear: null,
    },
  ],
  trends: {
    weeks: ["2026-W14", "2026-W15"],
    months: ["2026-03", "2026-04"],
    series: [{ kpi: "sales", unit: "yen", weekly: [1_000_000, 1_500_000], monthly: [2_000_000, 2_500_000] }],
  },
  channels: [],
  contribution: null,
  lines: [],
  verdict: null,
  sla: null,
  previousReport: { month: "2026-03", deadline: "2026-04-07", publishedOn: "2026-04-03", outcome: "met" },
  invoice: null,
  commentary: { wentWell: "楽天の売上が伸びました", issues: "", proposals: "", nextMonthPlan: "" },
});

const t = (key: string, params?: Record<string, string | number>) => translator("ja")(key as never, params as never);

describe("the report PDF", () => {
  it("is searchable Japanese text: the client, the month and a KPI value", async () => {
    const pdf = await renderReportPdf(snapshot, "ja");
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "report-pdf-")), "report.pdf");
    fs.writeFileSync(file, pdf);
    const text = execFileSync(process.env.PDFTOTEXT_PATH ?? "pdftotext", ["-enc", "UTF-8", file, "-"], {
      encoding: "utf8",
    });
    expect(text).toContain("さくら商店");
    expect(text).toContain("2026-04");
    expect(text).toContain("売上");
    expect(text).toMatch(/[￥¥]2,500,000/);
    expect(text).toContain("楽天の売上が伸びました");
  });
});

describe("the KPI CSV", () => {
  it("is UTF-8 with a BOM, or Shift_JIS that decodes to the same text", () => {
    const text = kpiCsvText(snapshot, t);
    expect(text.split("\r\n")[1]).toBe("売上,円,2500000,2000000,125.00,達成,25.00%,");
    const utf8 = kpiCsv(snapshot, t, "utf-8");
    expect([...utf8.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const sjis = kpiCsv(snapshot, t, "shift_jis");
    expect(new TextDecoder("shift_jis").decode(sjis)).toBe(text);
  });
});
