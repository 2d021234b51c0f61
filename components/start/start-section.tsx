import Link from "next/link";
import { useTranslations } from "next-intl";
import { Card } from "@/components/ui/misc";

const SHOWN = 8;

/** One list of the start page: each item a link to where it gets fixed; the first few, and how many more. */
export function StartSection({
  title,
  items,
  note,
}: {
  title: string;
  items: { key: string; href: string; text: string }[];
  note?: string;
}) {
  const t = useTranslations("start");
  return (
    <Card className="p-4">
      <h2 className="mb-2 flex items-center gap-2 text-sm font-semibold">
        {title}
        {items.length > 0 ? (
          <span className="rounded-full bg-amber-100 px-2 text-xs text-amber-800">{items.length}</span>
        ) : null}
      </h2>
      {note ? (
        <p className="text-sm text-slate-500">{note}</p>
      ) : items.length === 0 ? (
        <p className="text-sm text-slate-500">{t("empty")}</p>
      ) : (
        <ul className="space-y-1 text-sm">
          {items.slice(0, SHOWN).map((item) => (
            <li key={item.key}>
              <Link href={item.href} className="text-indigo-700 hover:underline">
                {item.text}
              </Link>
            </li>
          ))}
          {items.length > SHOWN ? (
            <li className="text-slate-500">{t("more", { count: items.length - SHOWN })}</li>
          ) : null}
        </ul>
      )}
    </Card>
  );
}
