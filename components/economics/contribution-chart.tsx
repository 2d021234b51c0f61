"use client";

import { useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { BrowserOnly } from "@/components/ui/browser-only";
import type { GridLine } from "@/lib/economics/view";
import { SCENARIOS } from "@/lib/options";
import { useYen } from "./yen";

const COLORS = { pessimistic: "#f59e0b", base: "#4f46e5", optimistic: "#10b981" } as const;

/** Contribution per order for every line, the three scenarios side by side. */
export function ContributionChart({ lines }: { lines: Pick<GridLine, "key" | "channel" | "sku" | "contributions">[] }) {
  const t = useTranslations("economics");
  const yen = useYen();
  const data = lines.map((line) => ({
    name: `${t(`channelShort.${line.channel}`)} / ${line.sku}`,
    ...line.contributions,
  }));
  return (
    <figure aria-label={t("chartTitle")}>
      <div className="h-72 w-full">
        <BrowserOnly>
          <ResponsiveContainer>
            <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="name" tick={{ fontSize: 11 }} interval={0} />
              <YAxis tickFormatter={(v: number) => yen(v)} tick={{ fontSize: 11 }} width={80} />
              <Tooltip formatter={(v) => yen(Number(v))} />
              <Legend formatter={(value: string) => t(`scenarios.${value as "base"}`)} />
              {SCENARIOS.map((s) => (
                <Bar key={s} dataKey={s} fill={COLORS[s]} radius={[3, 3, 0, 0]} />
              ))}
            </BarChart>
          </ResponsiveContainer>
        </BrowserOnly>
      </div>
      <figcaption className="sr-only">
        {lines
          .map(
            (l) =>
              `${l.sku}: ${SCENARIOS.map((s) => `${t(`scenarios.${s}`)} ${l.contributions[s] === null ? "—" : yen(l.contributions[s] ?? 0)}`).join(", ")}`,
          )
          .join("; ")}
      </figcaption>
    </figure>
  );
}
