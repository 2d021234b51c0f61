import "server-only";
// When SMTP is configured, a client's users get a mail when a report of theirs is published (SPEC §7): in
// their own language, with a link to the report on the portal, sent after the publication commits.

import { getClientOrThrow } from "@/db/queries/clients";
import { listClientUserContacts } from "@/db/queries/members";
import type { ActionContext } from "@/lib/actions/safe-action";
import { requestOrigin } from "@/lib/http";
import { toLocale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/messages";
import { mailConfigured, sendMailIfConfigured } from "@/lib/mail";

export async function notifyPublished(
  ctx: Pick<ActionContext, "tx" | "agencyId" | "afterCommit" | "member">,
  report: { clientId: string; month: string; revision: number },
): Promise<number> {
  if (!mailConfigured()) return 0;
  const client = await getClientOrThrow(ctx.tx, {
    agencyId: ctx.agencyId,
    clientId: report.clientId,
    scope: { kind: "all" },
  });
  const contacts = await listClientUserContacts(ctx.tx, { agencyId: ctx.agencyId, clientId: report.clientId });
  if (contacts.length === 0) return 0;
  const url = `${await requestOrigin()}/portal/reports/${report.month}`;
  const agency = ctx.member.membership.agencyName;
  ctx.afterCommit(() =>
    Promise.all(
      contacts.map((contact) => {
        const t = translator(toLocale(contact.locale));
        const values = { agency, client: client.name, month: report.month, url, revision: report.revision };
        return sendMailIfConfigured({
          to: contact.email,
          subject: t(report.revision > 1 ? "reports.mail.correctedSubject" : "reports.mail.subject", values),
          text: t("reports.mail.body", values),
        });
      }),
    ),
  );
  return contacts.length;
}
