import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Card, FormMessage, PageHeader } from "@/components/ui/misc";
import { listLiveSessions } from "@/db/queries/sessions";
import { userRead } from "@/lib/actions/agency-read";
import { sessionPolicy } from "@/lib/auth/session-policy";
import { describeDevice, formatDateTime } from "@/lib/format";
import { toLocale } from "@/lib/i18n/locales";
import { ChangePasswordForm } from "./change-password-form";
import { SessionList } from "./session-list";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account");
  return { title: t("title") };
}

/** The signed-in user's own account: who they are, where they belong, their sessions and their password. */
export default async function AccountPage({ searchParams }: { searchParams: Promise<{ changed?: string }> }) {
  const { viewer, sessions } = await userRead(async ({ db, viewer }) => ({
    viewer,
    sessions: await listLiveSessions(db, { userId: viewer.userId, policy: sessionPolicy() }),
  }));
  const { changed } = await searchParams;
  const t = await getTranslations();
  const locale = toLocale(await getLocale());
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
        <h2 className="text-base font-semibold">{t("account.sessions")}</h2>
        <p className="mb-2 text-xs text-slate-500">{t("account.sessionsHint")}</p>
        <SessionList
          current={viewer.sessionId}
          sessions={sessions.map((s) => ({
            id: s.id,
            device: describeDevice(s.userAgent) ?? t("account.unknownDevice"),
            address: s.address ?? t("account.unknownAddress"),
            lastSeen: formatDateTime(s.lastSeenAt, locale),
            signedIn: formatDateTime(s.createdAt, locale),
          }))}
        />
      </Card>
      <Card className="p-6">
        <h2 className="mb-4 text-base font-semibold">{t("account.changePassword")}</h2>
        {changed ? <FormMessage tone="success">{t("account.passwordChanged")}</FormMessage> : null}
        <ChangePasswordForm />
      </Card>
    </div>
  );
}
