import Link from "next/link";
import { useTranslations } from "next-intl";
import { buttonClass } from "./button";

/** Previous/next links that keep every other search param (sort, filters) in the URL. */
export function Pagination({
  page,
  pageSize,
  total,
  params,
  path,
}: {
  page: number;
  pageSize: number;
  total: number;
  params: Record<string, string | undefined>;
  path: string;
}) {
  const t = useTranslations("common");
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const href = (p: number) => {
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v && k !== "page") query.set(k, v);
    if (p > 1) query.set("page", String(p));
    const qs = query.toString();
    return qs ? `${path}?${qs}` : path;
  };
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <nav className="mt-4 flex items-center justify-between text-sm text-slate-600" aria-label={t("pagination")}>
      <p>{t("showing", { from, to, total })}</p>
      <div className="flex gap-2">
        {page > 1 ? (
          <Link className={buttonClass("secondary", "sm")} href={href(page - 1)} rel="prev">
            {t("previous")}
          </Link>
        ) : null}
        {page < pages ? (
          <Link className={buttonClass("secondary", "sm")} href={href(page + 1)} rel="next">
            {t("next")}
          </Link>
        ) : null}
      </div>
    </nav>
  );
}
