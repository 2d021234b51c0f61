import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/misc";
import { Table, Td, Th } from "@/components/ui/table";
import { listClientOptions, managedClientIds } from "@/db/queries/clients";
import { listMembers, listOpenInvites } from "@/db/queries/members";
import { agencyRead } from "@/lib/actions/agency-read";
import { can } from "@/lib/auth/permissions";
import { formatDateTime } from "@/lib/format";
import { toLocale } from "@/lib/i18n/locales";
import { InviteForm } from "./invite-form";
import { MemberActions, RevokeInviteButton } from "./member-actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("members");
  return { title: t("title") };
}

export default async function MembersPage() {
  const t = await getTranslations();
  const locale = toLocale(await getLocale());
  const { member, isOwner, ...data } = await agencyRead("members.read", async ({ tx, agencyId, scope, member }) => {
    const isOwner = can(member.membership.role, "members.changeRole");
    const membershipId = member.membership.id;
    const [members, invites, allClients, managed] = await Promise.all([
      listMembers(tx, { agencyId }),
      listOpenInvites(tx, { agencyId, now: new Date() }),
      listClientOptions(tx, { agencyId, scope }),
      managedClientIds(tx, { agencyId, membershipId }),
    ]);
    // Managers invite client users only for the clients they manage (the action checks the same rule).
    const invitableClients = isOwner ? allClients : allClients.filter((c) => managed.has(c.id));
    return { member, isOwner, members, invites, invitableClients };
  });
  const membershipId = member.membership.id;

  return (
    <div className="space-y-8">
      <PageHeader title={t("members.title")} description={t("members.description")} />
      <Table aria-label={t("members.title")}>
        <thead>
          <tr>
            <Th>{t("members.name")}</Th>
            <Th>{t("auth.email")}</Th>
            <Th>{t("members.role")}</Th>
            <Th>{t("members.client")}</Th>
            {isOwner ? <Th className="text-right">{t("common.actions")}</Th> : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {data.members.map((m) => (
            <tr key={m.id}>
              <Td className="font-medium text-slate-900">{m.name}</Td>
              <Td>{m.email}</Td>
              <Td>
                <Badge tone={m.role === "client" ? "blue" : m.role === "owner" ? "indigo" : "gray"}>
                  {t(`roles.${m.role}`)}
                </Badge>
              </Td>
              <Td>{m.clientName ?? "—"}</Td>
              {isOwner ? (
                <Td className="text-right">
                  <MemberActions membershipId={m.id} name={m.name} role={m.role} isSelf={m.id === membershipId} />
                </Td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </Table>

      <div className="grid gap-8 lg:grid-cols-2">
        <Card className="p-6">
          <h2 className="text-base font-semibold">{t("members.inviteTitle")}</h2>
          <p className="mb-4 mt-1 text-sm text-slate-500">
            {isOwner ? t("members.inviteIntroOwner") : t("members.inviteIntroManager")}
          </p>
          <InviteForm canInviteStaff={isOwner} clients={data.invitableClients} />
        </Card>
        <Card className="p-6">
          <h2 className="mb-4 text-base font-semibold">{t("members.openInvites")}</h2>
          {data.invites.length === 0 ? (
            <EmptyState title={t("members.noInvites")} />
          ) : (
            <ul className="divide-y divide-slate-100 text-sm">
              {data.invites.map((invite) => (
                <li key={invite.id} className="flex items-center justify-between gap-3 py-2">
                  <div>
                    <p className="font-medium">{invite.email}</p>
                    <p className="text-xs text-slate-500">
                      {t(`roles.${invite.role}`)}
                      {invite.clientName ? ` · ${invite.clientName}` : ""} ·{" "}
                      {t("members.expires", { at: formatDateTime(invite.expiresAt, locale) })}
                    </p>
                  </div>
                  <RevokeInviteButton inviteId={invite.id} email={invite.email} />
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </div>
  );
}
