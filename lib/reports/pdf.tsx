import "server-only";
// The report as a PDF, rendered on the server by @react-pdf/renderer (no browser): the shipped Noto Sans JP
// (a static TTF from @expo-google-fonts/noto-sans-jp) is embedded, so the text is real, searchable Japanese;
// the trend charts are vector polylines. Rendered from the snapshot alone, like the page.

import path from "node:path";
import {
  Document,
  Font,
  Image,
  Page,
  Polyline,
  renderToBuffer,
  StyleSheet,
  Svg,
  Text,
  View,
} from "@react-pdf/renderer";
import type { ReportSnapshot } from "@/lib/domain/report";
import { formatYen } from "@/lib/format";
import type { Locale } from "@/lib/i18n/locales";
import { chartGeometry } from "./chart";
import { formatChange, formatKpiValue, formatPercentBp } from "./format";
import { reportTranslator } from "./i18n";

const FONT_DIR = path.join(process.cwd(), "node_modules", "@expo-google-fonts", "noto-sans-jp");
let registered = false;

function registerFont() {
  if (registered) return;
  Font.register({
    family: "NotoSansJP",
    fonts: [
      { src: path.join(FONT_DIR, "400Regular", "NotoSansJP_400Regular.ttf"), fontWeight: 400 },
      { src: path.join(FONT_DIR, "700Bold", "NotoSansJP_700Bold.ttf"), fontWeight: 700 },
    ],
  });
  // Japanese has no spaces to break at: let lines break between any two characters.
  Font.registerHyphenationCallback((word) => Array.from(word).flatMap((c) => [c, ""]));
  registered = true;
}

const styles = StyleSheet.create({
  page: { fontFamily: "NotoSansJP", fontSize: 9, padding: 32, color: "#0f172a" },
  h1: { fontSize: 15, fontWeight: 700, marginBottom: 4 },
  muted: { color: "#64748b", fontSize: 8 },
  section: { marginTop: 14 },
  h2: { fontSize: 11, fontWeight: 700, borderBottom: "1pt solid #cbd5e1", paddingBottom: 2, marginBottom: 6 },
  row: { flexDirection: "row", borderBottom: "0.5pt solid #e2e8f0", paddingVertical: 2 },
  head: { flexDirection: "row", borderBottom: "1pt solid #94a3b8", paddingVertical: 2, fontWeight: 700 },
  cell: { flex: 1, paddingRight: 4 },
  wide: { flex: 2, paddingRight: 4 },
  num: { flex: 1, textAlign: "right", paddingRight: 4 },
  charts: { flexDirection: "row", flexWrap: "wrap" },
  chart: { width: "50%", marginBottom: 6 },
  para: { marginBottom: 4, lineHeight: 1.4 },
});

function Table({ head, rows, widths }: { head: string[]; rows: string[][]; widths: ("cell" | "wide" | "num")[] }) {
  return (
    <View>
      <View style={styles.head}>
        {head.map((h, i) => (
          <Text key={h} style={styles[widths[i] ?? "cell"]}>
            {h}
          </Text>
        ))}
      </View>
      {rows.map((r, ri) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a frozen list
        <View key={ri} style={styles.row} wrap={false}>
          {r.map((c, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: columns by position
            <Text key={i} style={styles[widths[i] ?? "cell"]}>
              {c}
            </Text>
          ))}
        </View>
      ))}
    </View>
  );
}

function Chart({ values }: { values: readonly (number | null)[] }) {
  const g = chartGeometry(values, 220, 48);
  return (
    <Svg width={220} height={48} viewBox="0 0 220 48">
      <Polyline points="0,47.5 220,47.5" stroke="#cbd5e1" strokeWidth={0.5} />
      {g.lines.map((points) => (
        <Polyline key={points} points={points} stroke="#4f46e5" strokeWidth={1.2} fill="none" />
      ))}
    </Svg>
  );
}

/** The agency's logo on the first page: PNG only (an SVG logo is left out of the PDF; the page shows it). */
export interface PdfBranding {
  logoPng: Buffer | null;
}

function ReportPdf({ s, locale, brand }: { s: ReportSnapshot; locale: Locale; brand?: PdfBranding }) {
  const t = reportTranslator(locale);
  const yen = (n: number | null) => (n === null ? "—" : formatYen(n, locale));
  const kpiName = (kpi: string) => t(`kpis.kpi.${kpi}`);
  const channel = (c: string) => t(`channels.${c}`);
  return (
    <Document title={t("reports.reportFor", { client: s.client.name, month: s.month })} author={s.agencyName}>
      <Page size="A4" style={styles.page}>
        {brand?.logoPng ? (
          <Image
            src={{ data: brand.logoPng, format: "png" }}
            style={{ height: 32, objectFit: "contain", marginBottom: 4 }}
          />
        ) : null}
        <Text style={styles.muted}>{s.agencyName}</Text>
        <Text style={styles.h1}>{t("reports.reportFor", { client: s.client.name, month: s.month })}</Text>

        <View style={styles.section}>
          <Text style={styles.h2}>{t("reports.sections.kpis")}</Text>
          <Table
            head={[
              t("reports.table.kpi"),
              t("reports.table.actual"),
              t("reports.table.target"),
              t("reports.table.achievement"),
              t("reports.table.status"),
              t("reports.table.mom"),
              t("reports.table.yoy"),
            ]}
            widths={["wide", "num", "num", "num", "cell", "num", "num"]}
            rows={s.kpis.map((k) => [
              kpiName(k.kpi),
              formatKpiValue(k.actual, k.unit, locale),
              formatKpiValue(k.target, k.unit, locale),
              formatPercentBp(k.achievementBp, locale),
              k.status ? t(`kpis.status.${k.status}`) : "—",
              formatChange(k.momDelta, k.momRelativeBp, k.unit, locale),
              formatChange(k.yoyDelta, k.yoyRelativeBp, k.unit, locale),
            ])}
          />
        </View>

        <View style={styles.section} wrap={false}>
          <Text style={styles.h2}>
            {t("reports.sections.trends")}（{t("reports.sections.monthly")}）
          </Text>
          <View style={styles.charts}>
            {s.trends.series.map((series) => (
              <View key={series.kpi} style={styles.chart}>
                <Text>{kpiName(series.kpi)}</Text>
                <Chart values={series.monthly} />
              </View>
            ))}
          </View>
        </View>

        <View style={styles.section}>
          <Text style={styles.h2}>{t("reports.sections.channels")}</Text>
          <Table
            head={[
              t("reports.table.channel"),
              t("reports.table.sales"),
              t("reports.table.orders"),
              t("reports.table.aov"),
              t("reports.table.contribution"),
            ]}
            widths={["wide", "num", "num", "num", "num"]}
            rows={s.channels.map((c) => [
              channel(c.channel),
              yen(c.sales),
              formatKpiValue(c.orders, "count", locale),
              yen(c.aov),
              yen(c.contribution),
            ])}
          />
        </View>
      </Page>

      <Page size="A4" style={styles.page}>
        <View style={styles.section}>
          <Text style={styles.h2}>{t("reports.sections.economics")}</Text>
          <Text style={styles.para}>
            {s.economics.contribution === null
              ? t("reports.noContribution")
              : t("reports.monthlyContribution", { amount: yen(s.economics.contribution) })}
          </Text>
        </View>
        <View style={styles.section}>
          <Text style={styles.h2}>{t("reports.sections.verdict")}</Text>
          <Text style={styles.para}>{s.verdict ? t(`kpis.verdict.${s.verdict.kind}`) : t("reports.noVerdict")}</Text>
          {s.verdict?.rules.map((r) => (
            <Text key={r.code}>
              ・{t(`reports.rules.${r.code}`)}: {t(`reports.ruleOutcome.${r.outcome}`)}
            </Text>
          ))}
        </View>
        <View style={styles.section}>
          <Text style={styles.h2}>{t("reports.sections.levers")}</Text>
          {s.levers.length === 0 ? <Text>{t("reports.noLevers")}</Text> : null}
          {s.levers.map((l, i) => (
            <Text key={`${l.lever}:${l.channel}:${l.sku}`} style={styles.para}>
              {i + 1}. {t(`economics.levers.${l.lever}`)}（{channel(l.channel)} {l.sku}） {t("reports.table.perMonth")}{" "}
              {yen(l.gainPerMonth)}
            </Text>
          ))}
        </View>
        <View style={styles.section}>
          <Text style={styles.h2}>{t("reports.sections.sla")}</Text>
          {s.sla ? (
            <Table
              head={[t("reports.table.item"), t("reports.table.result"), t("reports.table.actual")]}
              widths={["wide", "cell", "num"]}
              rows={s.sla.items.map((i) => [
                i.label,
                t(`reports.outcome.${i.outcome}`),
                formatPercentBp(i.actualBp, locale),
              ])}
            />
          ) : (
            <Text>{t("reports.noSla")}</Text>
          )}
          <Text style={styles.para}>
            {t("reports.previousReport", { month: s.previousReport.month, deadline: s.previousReport.deadline ?? "—" })}
            : {t(`reports.outcome.${s.previousReport.outcome}`)}
          </Text>
        </View>
        <View style={styles.section}>
          <Text style={styles.h2}>{t("reports.sections.invoice")}</Text>
          {s.invoice.kind === "none" ? (
            <Text>{t(`reports.noInvoice.${s.invoice.reason}`)}</Text>
          ) : (
            <Table
              head={[t("reports.table.item"), t("reports.table.amount")]}
              widths={["wide", "num"]}
              rows={[
                ...s.invoice.lines.map((l) => [l.label[locale], l.credit ? `−${yen(l.amount)}` : yen(l.amount)]),
                [t("reports.invoiceTotals.tax"), yen(s.invoice.tax)],
                [t("reports.invoiceTotals.total"), yen(s.invoice.total)],
              ]}
            />
          )}
        </View>
        <View style={styles.section}>
          <Text style={styles.h2}>{t("reports.sections.commentary")}</Text>
          {(["wentWell", "issues", "proposals", "nextMonthPlan"] as const).map((k) => (
            <View key={k} style={styles.para}>
              <Text style={{ fontWeight: 700 }}>{t(`reports.commentary.${k}`)}</Text>
              <Text>{s.commentary[k] || t("reports.commentary.empty")}</Text>
            </View>
          ))}
        </View>
      </Page>
    </Document>
  );
}

/** The PDF's bytes. */
export async function renderReportPdf(snapshot: ReportSnapshot, locale: Locale, brand?: PdfBranding): Promise<Buffer> {
  registerFont();
  return renderToBuffer(<ReportPdf s={snapshot} locale={locale} brand={brand} />);
}
