import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/misc";
import { getViewer } from "@/lib/auth/viewer";
import { SignUpForm } from "./signup-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("signUpTitle") };
}

export default async function SignUpPage() {
  if (await getViewer()) redirect("/");
  const t = await getTranslations("auth");
  return (
    <Card className="p-6">
      <h1 className="text-xl font-bold">{t("signUpTitle")}</h1>
      <p className="mb-4 mt-1 text-sm text-slate-500">{t("signUpIntro")}</p>
      <SignUpForm />
      <p className="mt-4 text-sm text-slate-600">
        {t("haveAccount")}{" "}
        <Link href="/login" className="font-semibold text-indigo-700 hover:underline">
          {t("signIn")}
        </Link>
      </p>
    </Card>
  );
}
