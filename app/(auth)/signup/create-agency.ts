import "server-only";
import { randomBytes } from "node:crypto";
import { FieldError } from "@/db/errors";
import { findUserIdByEmail, insertAgency, insertMembership, insertUser } from "@/db/queries/system";
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
    const passwordHash = await hashPassword(input.password);
    const userId = await insertUser(tx, { email: input.email, name: input.name, passwordHash, locale });
    const agencyId = await insertAgency(tx, { name: input.agencyName, slug: slugFor(input.agencyName) });
    const membershipId = await insertMembership(tx, { agencyId, userId, role: "owner" });
    await audit(agencyId, userId, {
      action: "agency.create",
      entity: "agency",
      entityId: agencyId,
      after: { name: input.agencyName, owner: input.email, membershipId },
    });
    return { userId, agencyId };
  },
});
