import "server-only";
import { randomBytes } from "node:crypto";
import { findUserIdByEmail } from "@/db/queries/system";
import { agencies, memberships, users } from "@/db/schema";
import { FieldError } from "@/lib/actions/errors";
import { publicAction } from "@/lib/actions/safe-action";
import { hashPassword } from "@/lib/auth/password";
import { requestLocale } from "@/lib/i18n/server";
import { signUpSchema } from "@/lib/schemas/account";

/** A URL-safe slug; Japanese names have no ASCII to keep, so a random suffix keeps it unique. */
function slugFor(name: string): string {
  const ascii = name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 30);
  return `${ascii || "agency"}-${randomBytes(3).toString("hex")}`;
}

/** Sign-up: a new agency, its first owner, and the audit row that records both. */
export const createAgencyWithOwner = publicAction({
  name: "account.signUp",
  schema: signUpSchema,
  locale: requestLocale,
  async run(input, { tx, audit, locale }) {
    if (await findUserIdByEmail(tx, input.email)) throw new FieldError("email", "validation.emailTaken");
    const [user] = await tx
      .insert(users)
      .values({ email: input.email, name: input.name, passwordHash: await hashPassword(input.password), locale })
      .returning({ id: users.id });
    const [agency] = await tx
      .insert(agencies)
      .values({ name: input.agencyName, slug: slugFor(input.agencyName) })
      .returning({ id: agencies.id });
    if (!user || !agency) throw new Error("insert returned no row");
    const [membership] = await tx
      .insert(memberships)
      .values({ agencyId: agency.id, userId: user.id, role: "owner" })
      .returning({ id: memberships.id });
    await audit(agency.id, user.id, {
      action: "agency.create",
      entity: "agency",
      entityId: agency.id,
      after: { name: input.agencyName, owner: input.email, membershipId: membership?.id },
    });
    return { userId: user.id, agencyId: agency.id };
  },
});
