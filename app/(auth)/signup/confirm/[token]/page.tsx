import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/misc";
import { getDb } from "@/db/client";
import { findOpenSignUpRequest, findUserIdByEmail } from "@/db/queries/system";
import { hashInviteToken } from "@/lib/invite-token";
import { ConfirmSignUpForm } from "./confirm-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("confirmTitle") };
}

/**
 * The mailed link's page. Opening it changes nothing (mail scanners open links); the owner confirms with the
 * password they chose. Only here — for whoever holds the mailbox — does it say that an address is taken.
 */
export default async function ConfirmSignUpPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("auth");
  const db = getDb();
  const request = await findOpenSignUpRequest(db, { tokenHash: hashInviteToken(token), now: new Date() });
  const taken = request ? Boolean(await findUserIdByEmail(db, request.email)) : false;
  return (
    <Card className="p-6">
      <h1 className="text-xl font-bold">{t("confirmTitle")}</h1>
      {!request ? (
        <p className="mt-2 text-sm text-slate-600">{t("confirmExpired")}</p>
      ) : taken ? (
        <p className="mt-2 text-sm text-slate-600">
          {t("alreadyRegistered")}{" "}
          <Link href="/login" className="font-semibold text-indigo-700 hover:underline">
            {t("signIn")}
          </Link>
        </p>
      ) : (
        <>
          <p className="mb-4 mt-1 text-sm text-slate-600">
            {t("confirmIntro", { agency: request.agencyName, email: request.email })}
          </p>
          <ConfirmSignUpForm token={token} email={request.email} />
        </>
      )}
    </Card>
  );
}
