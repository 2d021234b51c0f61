import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card, FormMessage, PageHeader } from "@/components/ui/misc";
import { requireViewer } from "@/lib/auth/viewer";
import { ChangePasswordForm } from "./change-password-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account");
  return { title: t("title") };
}

/** The signed-in user's own account: who they are, where they belong, and their password. */
export default async function AccountPage({ searchParams }: { searchParams: Promise<{ changed?: string }> }) {
  const viewer = await requireViewer();
  const { changed } = await searchParams;
  const t = await getTranslations();
  return (
    <div className="max-w-2xl space-y-6">
      <PageHeader title={t("account.title")} />
      <Card className="p-6">
        <dl className="grid gap-3 text-sm sm:grid-cols-[10rem_1fr]">
          <dt className="text-slate-500">{t("auth.yourName")}</dt>
          <dd>{viewer.name}</dd>
          <dt className="text-slate-500">{t("auth.email")}</dt>
          <dd>{viewer.email}</dd>
          <dt className="text-slate-500">{t("account.agencies")}</dt>
          <dd>
            <ul>
              {viewer.memberships.map((m) => (
                <li key={m.id}>
                  {m.agencyName}（{t(`roles.${m.role}`)}）
                </li>
              ))}
            </ul>
          </dd>
        </dl>
      </Card>
      <Card className="p-6">
        <h2 className="mb-4 text-base font-semibold">{t("account.changePassword")}</h2>
        {changed ? <FormMessage tone="success">{t("account.passwordChanged")}</FormMessage> : null}
        <ChangePasswordForm />
      </Card>
    </div>
  );
}
