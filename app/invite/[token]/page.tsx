import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/misc";
import { getDb } from "@/db/client";
import { findOpenInviteByTokenHash, findUserIdByEmail } from "@/db/queries/system";
import { hashInviteToken } from "@/lib/invite-token";
import { AcceptInviteForm } from "./accept-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("invite");
  return { title: t("title") };
}

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("invite");
  const tr = await getTranslations("roles");
  const db = getDb();
  const invite = await findOpenInviteByTokenHash(db, hashInviteToken(token));
  if (!invite || invite.expiresAt.getTime() <= Date.now()) {
    return (
      <Card className="p-6">
        <h1 className="text-xl font-bold">{t("title")}</h1>
        <p className="mt-2 text-sm text-slate-600">{t("expired")}</p>
      </Card>
    );
  }
  const existingAccount = Boolean(await findUserIdByEmail(db, invite.email));
  return (
    <Card className="p-6">
      <h1 className="text-xl font-bold">{t("title")}</h1>
      <p className="mb-4 mt-1 text-sm text-slate-600">
        {t("intro", { agency: invite.agencyName, role: tr(invite.role), email: invite.email })}
      </p>
      <AcceptInviteForm token={token} email={invite.email} existingAccount={existingAccount} />
    </Card>
  );
}
