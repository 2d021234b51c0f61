import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";

/** Previous / next month links and a month input (a plain GET form: works without JavaScript). */
export function MonthPicker({
  path,
  month,
  previous,
  next,
  labels,
}: {
  path: string;
  month: string;
  previous: string;
  next: string | null;
  labels: { previous: string; next: string; choose: string; show: string };
}) {
  return (
    <nav className="flex flex-wrap items-center gap-2" aria-label={labels.choose}>
      <Link href={`${path}?month=${previous}`} className={buttonClass("secondary", "sm")} rel="prev">
        ← {labels.previous}
      </Link>
      <form method="get" action={path} className="flex items-center gap-2">
        <label className="sr-only" htmlFor="kpi-month-input">
          {labels.choose}
        </label>
        <input id="kpi-month-input" type="month" name="month" defaultValue={month} className={`${inputClass} w-40`} />
        <button type="submit" className={`${buttonClass("secondary", "sm")} whitespace-nowrap`}>
          {labels.show}
        </button>
      </form>
      {next ? (
        <Link href={`${path}?month=${next}`} className={buttonClass("secondary", "sm")} rel="next">
          {labels.next} →
        </Link>
      ) : null}
    </nav>
  );
}
