"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { useYen } from "@/components/economics/yen";
import { BrowserOnly } from "@/components/ui/browser-only";

/** Margin by client (the page's rows) and the agency's revenue, delivery cost and margin over 12 months. */
export function PortfolioCharts({
  byClient,
  trend,
  labels,
}: {
  byClient: { name: string; margin: number }[];
  trend: { month: string; revenue: number; deliveryCost: number; margin: number }[];
  labels: { byClient: string; trend: string; note: string; revenue: string; cost: string; margin: string };
}) {
  const yen = useYen();
  return (
    <div className="grid gap-6 xl:grid-cols-2">
      <figure aria-label={labels.byClient} className="rounded-lg bg-white p-4 shadow-xs ring-1 ring-slate-200">
        <figcaption className="mb-2 text-sm font-semibold">{labels.byClient}</figcaption>
        <div className="h-64 w-full">
          <BrowserOnly>
            <ResponsiveContainer>
              <BarChart data={byClient} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="name" tick={{ fontSize: 10 }} interval={0} />
                <YAxis tickFormatter={(v: number) => yen(v)} tick={{ fontSize: 11 }} width={90} />
                <Tooltip formatter={(v) => yen(Number(v))} />
                <Bar dataKey="margin" name={labels.margin} radius={[3, 3, 0, 0]}>
                  {byClient.map((d) => (
                    <Cell key={d.name} fill={d.margin < 0 ? "#dc2626" : "#4f46e5"} />
                  ))}
                </Bar>
              </BarChart>
            </ResponsiveContainer>
          </BrowserOnly>
        </div>
        <p className="sr-only">{byClient.map((d) => `${d.name}: ${yen(d.margin)}`).join("; ")}</p>
      </figure>
      <figure aria-label={labels.trend} className="rounded-lg bg-white p-4 shadow-xs ring-1 ring-slate-200">
        <figcaption className="mb-2 text-sm font-semibold">
          {labels.trend}
          <span className="ml-2 text-xs font-normal text-slate-500">{labels.note}</span>
        </figcaption>
        <div className="h-64 w-full">
          <BrowserOnly>
            <ResponsiveContainer>
              <LineChart data={trend} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="month" tick={{ fontSize: 11 }} />
                <YAxis tickFormatter={(v: number) => yen(v)} tick={{ fontSize: 11 }} width={90} />
                <Tooltip formatter={(v) => yen(Number(v))} />
                <Legend />
                <Line dataKey="revenue" name={labels.revenue} stroke="#0ea5e9" dot={false} />
                <Line dataKey="deliveryCost" name={labels.cost} stroke="#f59e0b" dot={false} />
                <Line dataKey="margin" name={labels.margin} stroke="#4f46e5" strokeWidth={2} />
              </LineChart>
            </ResponsiveContainer>
          </BrowserOnly>
        </div>
        <p className="sr-only">{trend.map((d) => `${d.month}: ${yen(d.margin)}`).join("; ")}</p>
      </figure>
    </div>
  );
}
