"use client";

import { Card } from "@/components/ui/misc";
import { useDisclosure } from "@/components/ui/use-disclosure";

export interface PlanSourcesText {
  title: string;
  /** Cadence, audit and thresholds: a label and its value each. */
  facts: { label: string; value: string }[];
  headers: [kpi: string, source: string, audited: string];
  /** One row per KPI of the plan: its name, data source and whether a third party audits it. */
  rows: { key: string; cells: [name: string, source: string, audited: string] }[];
}

/**
 * The plan's sources, cadence and thresholds behind a disclosure, from translated text: nothing of it is
 * rendered until it is opened, so the KPI page does not carry a table most visits never open.
 */
export function PlanSources({ text, lang }: { text: PlanSourcesText; lang: string }) {
  const { open, props } = useDisclosure();
  return (
    <Card className="p-4">
      <details {...props}>
        <summary className="cursor-pointer text-base font-semibold">{text.title}</summary>
        {open ? (
          <>
            <dl className="mt-3 grid gap-3 text-sm sm:grid-cols-3">
              {text.facts.map((f) => (
                <div key={f.label}>
                  <dt className="text-slate-500">{f.label}</dt>
                  <dd>{f.value}</dd>
                </div>
              ))}
            </dl>
            <table className="mt-3 min-w-full text-sm" lang={lang}>
              <thead>
                <tr className="text-left text-xs text-slate-500">
                  {text.headers.map((h) => (
                    <th key={h} scope="col" className="py-1 pr-3 font-medium">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {text.rows.map((r) => (
                  <tr key={r.key} className="border-t border-slate-100">
                    {r.cells.map((c, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: three fixed columns
                      <td key={i} className="py-1 pr-3">
                        {c}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : null}
      </details>
    </Card>
  );
}
