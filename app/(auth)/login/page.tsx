import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/misc";
import { getViewer } from "@/lib/auth/viewer";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/lib/demo-accounts";
import { env } from "@/lib/env";
import { LoginForm } from "./login-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("signInTitle") };
}

/** The proxy sends the page the visitor wanted as an absolute URL; only its path is followed, never another host. */
function localPath(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url, "http://local");
    return `${parsed.pathname}${parsed.search}`;
  } catch {
    return undefined;
  }
}

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; email?: string }>;
}) {
  if (await getViewer()) redirect("/");
  const t = await getTranslations("auth");
  const { callbackUrl, email } = await searchParams;
  const next = localPath(callbackUrl);
  const demo = env().DEMO_MODE;
  return (
    <div className="space-y-6">
      <Card className="p-6">
        <h1 className="mb-4 text-xl font-bold">{t("signInTitle")}</h1>
        <LoginForm next={next} email={email} />
        <p className="mt-4 text-sm text-slate-600">
          {t("noAccount")}{" "}
          <Link href="/signup" className="font-semibold text-indigo-700 hover:underline">
            {t("signUpLink")}
          </Link>
        </p>
      </Card>
      {demo ? (
        <Card className="p-6">
          <h2 className="text-sm font-bold">{t("demoAccounts")}</h2>
          <p className="mt-1 text-xs text-slate-500">{t("demoHint", { password: DEMO_PASSWORD })}</p>
          <ul className="mt-3 space-y-1 text-xs">
            {DEMO_ACCOUNTS.map((a) => (
              <li key={a.email} className="flex justify-between gap-2">
                <span className="font-mono">{a.email}</span>
                <span className="text-slate-500">{a.description}</span>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  );
}
