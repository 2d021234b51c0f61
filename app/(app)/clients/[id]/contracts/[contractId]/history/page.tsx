import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/misc";
import { Table, Td, Th } from "@/components/ui/table";
import { listContractVersions } from "@/db/queries/contracts";
import { agencyRead } from "@/lib/actions/agency-read";
import { can } from "@/lib/auth/permissions";
import { diffVersions } from "@/lib/contracts/view";
import { formatDateTime } from "@/lib/format";
import { toLocale } from "@/lib/i18n/locales";
import { loadContract } from "../load";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("contracts");
  return { title: t("historyPage.title") };
}

/** Fee paths are hidden from members who may not see fees. */
const FEE_PATH = /^fees\.|\.creditBp$|^sla\.creditCapBp$|^terms\.earlyTerminationFee$/;

export default async function HistoryPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string; contractId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id, contractId } = await params;
  const query = await searchParams;
  const t = await getTranslations("contracts");
  const locale = toLocale(await getLocale());
  const { client, contract, versions, canFees } = await agencyRead("contracts.read", async (ctx) => ({
    ...(await loadContract(ctx, id, contractId)),
    versions: await listContractVersions(ctx.tx, { agencyId: ctx.agencyId, contractId }),
    canFees: can(ctx.member.membership.role, "contracts.fees"),
  }));
  const pick = (v: unknown, fallback: number) => {
    const n = Number(typeof v === "string" ? v : Number.NaN);
    return versions.find((x) => x.number === n) ? n : fallback;
  };
  const newest = versions[0]?.number ?? 1;
  const right = pick(query.b, newest);
  const left = pick(query.a, Math.max(1, right - 1));
  const a = versions.find((v) => v.number === left);
  const b = versions.find((v) => v.number === right);
  const diff = a && b ? diffVersions(a.document, b.document).filter((d) => canFees || !FEE_PATH.test(d.path)) : [];
  const base = `/clients/${id}/contracts/${contractId}`;
  return (
    <div className="space-y-6">
      <Link href={base} className="text-sm text-indigo-700 hover:underline">
        ← {client.name} / {contract.title}
      </Link>
      <PageHeader title={t("historyPage.title")} description={contract.title} />
      <Card className="overflow-x-auto">
        <Table>
          <thead>
            <tr>
              <Th>{t("columns.version")}</Th>
              <Th>{t("editor.note")}</Th>
              <Th>{t("editor.effectiveMonth")}</Th>
              <Th>{t("historyPage.author")}</Th>
              <Th />
            </tr>
          </thead>
          <tbody data-testid="version-history">
            {versions.map((v) => (
              <tr key={v.id}>
                <Td>{t("versionLabel", { number: v.number })}</Td>
                <Td>{v.note}</Td>
                <Td>{v.effectiveMonth ?? t("historyPage.fromStart")}</Td>
                <Td>
                  {t("historyPage.by", {
                    name: v.createdByName ?? t("historyPage.unknownAuthor"),
                    at: formatDateTime(v.createdAt, locale),
                  })}
                </Td>
                <Td>
                  {v.number > 1 ? (
                    <Link href={`?a=${v.number - 1}&b=${v.number}`} className={buttonClass("ghost", "sm")}>
                      {t("historyPage.compare")}
                    </Link>
                  ) : null}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </Card>
      {versions.length > 1 ? (
        <Card className="space-y-3 p-6">
          <form className="flex flex-wrap items-end gap-2">
            {(["a", "b"] as const).map((k) => (
              <label key={k} className="text-sm">
                <span className="block text-xs text-slate-600">
                  {t(k === "a" ? "historyPage.left" : "historyPage.right")}
                </span>
                <select
                  name={k}
                  defaultValue={k === "a" ? left : right}
                  className="rounded-md border border-slate-300 px-2 py-1.5"
                >
                  {versions.map((v) => (
                    <option key={v.number} value={v.number}>
                      {t("versionLabel", { number: v.number })}
                    </option>
                  ))}
                </select>
              </label>
            ))}
            <button type="submit" className={buttonClass("secondary", "sm")}>
              {t("historyPage.compare")}
            </button>
          </form>
          {diff.length === 0 ? (
            <p className="text-sm text-slate-500">{t("historyPage.same")}</p>
          ) : (
            <Table data-testid="version-diff">
              <thead>
                <tr>
                  <Th>{t("historyPage.field")}</Th>
                  <Th>{t("versionLabel", { number: left })}</Th>
                  <Th>{t("versionLabel", { number: right })}</Th>
                </tr>
              </thead>
              <tbody>
                {diff.map((d) => (
                  <tr key={d.path}>
                    <Td className="font-mono text-xs">{d.path}</Td>
                    <Td className="bg-red-50">{d.left}</Td>
                    <Td className="bg-emerald-50">{d.right}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </Card>
      ) : null}
    </div>
  );
}
