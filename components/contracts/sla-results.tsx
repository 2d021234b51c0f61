import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/misc";
import { Table, Td, Th } from "@/components/ui/table";
import type { SlaItemResult } from "@/lib/contracts/sla-feed";

const tone = { met: "green", missed: "red", pending: "yellow", no_data: "gray" } as const;
const percent = (bp: number | null) => (bp === null ? "—" : `${(bp / 100).toFixed(2)}%`);

/** The month's SLA results: each item's outcome and what decided it (weekly KPI figures or the tick). */
export function SlaResults({ items }: { items: SlaItemResult[] }) {
  const t = useTranslations("slaResults");
  return (
    <section className="space-y-2" data-testid="sla-results">
      <h2 className="text-base font-semibold">{t("title")}</h2>
      <p className="text-xs text-slate-500">{t("hint")}</p>
      <Table>
        <thead>
          <tr>
            <Th>{t("item")}</Th>
            <Th>{t("actual")}</Th>
            <Th>{t("target")}</Th>
            <Th>{t("outcome")}</Th>
            <Th>{t("source")}</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {items.map((item) => (
            <tr key={item.key}>
              <Td>{item.label}</Td>
              <Td className="tabular-nums">{percent(item.actualBp)}</Td>
              <Td className="tabular-nums">{percent(item.targetBp)}</Td>
              <Td>
                <Badge tone={tone[item.outcome]}>{t(`outcomes.${item.outcome}`)}</Badge>
              </Td>
              <Td className="text-xs">
                {item.source === "kpi"
                  ? t("sources.kpi", { numerator: item.numerator ?? 0, denominator: item.denominator ?? 0 })
                  : t("sources.manual")}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </section>
  );
}
