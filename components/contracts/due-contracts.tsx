import Link from "next/link";
import { useTranslations } from "next-intl";
import { Badge, Card } from "@/components/ui/misc";
import type { TermAlert } from "@/lib/domain/contract-term";

/** The start page's list of contracts with a renewal, notice deadline or end within 30 days. */
export function DueContracts({
  contracts,
}: {
  contracts: { id: string; clientId: string; clientName: string; title: string; alerts: TermAlert[] }[];
}) {
  const t = useTranslations("contracts");
  return (
    <Card className="mb-6 p-4" data-testid="due-contracts">
      <h2 className="mb-2 text-sm font-semibold">{t("dueTitle")}</h2>
      {contracts.length === 0 ? (
        <p className="text-sm text-slate-500">{t("dueEmpty")}</p>
      ) : (
        <ul className="space-y-1 text-sm">
          {contracts.map((c) => (
            <li key={c.id} className="flex flex-wrap items-center gap-2">
              <span>{c.clientName}</span>
              <Link href={`/clients/${c.clientId}/contracts/${c.id}`} className="text-indigo-700 hover:underline">
                {c.title}
              </Link>
              {c.alerts.map((a) => (
                <Badge key={a.code} tone="yellow">
                  {t(`alerts.${a.code}`, { date: a.date, days: a.daysLeft })}
                </Badge>
              ))}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
