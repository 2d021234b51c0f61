import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { ServerAction } from "@/lib/actions/safe-action";
import { can, type Permission } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import type { Locale } from "@/lib/i18n/locales";
import { AgencySwitch } from "./agency-switch";
import { LocaleSwitch } from "./locale-switch";
import { NavLink } from "./nav-link";
import { NavigationProgress } from "./navigation-progress";

const NAV: {
  href: string;
  label: "clients" | "week" | "portfolio" | "members" | "audit" | "portal" | "reports";
  permission: Permission;
}[] = [
  { href: "/clients", label: "clients", permission: "clients.read" },
  { href: "/week", label: "week", permission: "kpis.enter" },
  { href: "/portfolio", label: "portfolio", permission: "margins.read" },
  { href: "/members", label: "members", permission: "members.read" },
  { href: "/audit", label: "audit", permission: "audit.read" },
  { href: "/portal", label: "portal", permission: "portal.read" },
  { href: "/reports", label: "reports", permission: "reports.read" },
];

export type ShellActions = {
  logout: () => Promise<void>;
  setLocale: ServerAction<{ locale: Locale }>;
  switchAgency: ServerAction<{ agencyId: string }>;
};

/** Header and navigation; the links follow the role (the pages check it again). */
export function AppShell({
  viewer,
  actions,
  children,
}: {
  viewer: Viewer;
  actions: ShellActions;
  children: ReactNode;
}) {
  const t = useTranslations();
  const role = viewer.membership?.role;
  const links = role ? NAV.filter((item) => can(role, item.permission)) : [];
  return (
    <div className="min-h-screen">
      <NavigationProgress label={t("nav.loading")} />
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        {t("nav.skip")}
      </a>
      <header className="no-print border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link href="/" className="text-base font-bold text-indigo-700">
            {t("app.name")}
          </Link>
          {viewer.membership ? (
            <AgencySwitch
              current={viewer.membership.agencyId}
              agencies={viewer.memberships.map((m) => ({ id: m.agencyId, name: m.agencyName }))}
              switchAgency={actions.switchAgency}
            />
          ) : null}
          <nav aria-label={t("nav.main")} className="flex flex-1 flex-wrap gap-1">
            {links.map((item) => (
              <NavLink key={item.href} href={item.href}>
                {t(`nav.${item.label}`)}
              </NavLink>
            ))}
          </nav>
          <LocaleSwitch setLocale={actions.setLocale} />
          <div className="flex items-center gap-3 text-sm">
            <Link
              href="/account"
              className="rounded-md px-1 text-slate-600 hover:bg-slate-100"
              title={t("nav.account")}
            >
              {viewer.name}
              {role ? <span className="ml-1 text-xs text-slate-400">({t(`roles.${role}`)})</span> : null}
            </Link>
            <form action={actions.logout}>
              <button type="submit" className="rounded-md px-2 py-1 text-slate-600 hover:bg-slate-100">
                {t("nav.signOut")}
              </button>
            </form>
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-7xl px-4 py-8">
        {viewer.membership ? children : <p className="text-sm text-slate-600">{t("nav.noAgency")}</p>}
      </main>
    </div>
  );
}
