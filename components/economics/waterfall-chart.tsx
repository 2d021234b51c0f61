"use client";

import { useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { BrowserOnly } from "@/components/ui/browser-only";
import type { Figures } from "@/lib/economics/view";
import { useYen } from "./yen";

type Step = { key: string; amount: number; kind: "total" | "minus" };

/** From AOV down to contribution: each cost a floating bar, the totals standing on the axis. */
export function WaterfallChart({ aov, figures }: { aov: number; figures: Figures }) {
  const t = useTranslations("economics.waterfall");
  const yen = useYen();
  const steps: Step[] = [
    { key: "aov", amount: aov, kind: "total" },
    { key: "cost", amount: aov - figures.grossProfit, kind: "minus" },
    { key: "grossProfit", amount: figures.grossProfit, kind: "total" },
    { key: "fee", amount: figures.fee, kind: "minus" },
    { key: "points", amount: figures.points, kind: "minus" },
    { key: "shipping", amount: figures.shipping, kind: "minus" },
    { key: "packaging", amount: figures.packaging, kind: "minus" },
    { key: "returnLoss", amount: figures.returnLoss, kind: "minus" },
    { key: "other", amount: figures.other, kind: "minus" },
    { key: "adCost", amount: figures.adCost, kind: "minus" },
    { key: "contribution", amount: figures.contribution, kind: "total" },
  ];
  let level = 0;
  const data = steps
    .filter((s) => s.kind === "total" || s.amount !== 0)
    .map((s) => {
      if (s.kind === "total") {
        level = s.amount;
        return {
          name: t(s.key as "aov"),
          base: Math.min(0, s.amount),
          value: Math.abs(s.amount),
          amount: s.amount,
          kind: s.kind,
        };
      }
      const top = level;
      level -= s.amount;
      return {
        name: t(s.key as "aov"),
        base: Math.min(top, level),
        value: Math.abs(s.amount),
        amount: -s.amount,
        kind: s.kind,
      };
    });
  return (
    <figure aria-label={t("title")}>
      <div className="h-64 w-full">
        <BrowserOnly>
          <ResponsiveContainer>
            <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="name" tick={{ fontSize: 10 }} interval={0} />
              <YAxis tickFormatter={(v: number) => yen(v)} tick={{ fontSize: 10 }} width={72} />
              <Tooltip formatter={(_v, _n, item) => yen((item.payload as { amount: number }).amount)} />
              <Bar dataKey="base" stackId="w" fill="transparent" isAnimationActive={false} />
              <Bar dataKey="value" stackId="w" isAnimationActive={false}>
                {data.map((d) => (
                  <Cell key={d.name} fill={d.kind === "total" ? (d.amount < 0 ? "#dc2626" : "#4f46e5") : "#f87171"} />
                ))}
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        </BrowserOnly>
      </div>
      <figcaption className="sr-only">{data.map((d) => `${d.name} ${yen(d.amount)}`).join(", ")}</figcaption>
    </figure>
  );
}
