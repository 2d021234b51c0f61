import "server-only";
import { randomBytes } from "node:crypto";
import { headers } from "next/headers";
import { FieldError, NotFoundError } from "@/db/errors";
import {
  findOpenSignUpRequest,
  findUserIdByEmail,
  insertAgency,
  insertMembership,
  insertSignUpRequest,
  insertUser,
  markSignUpRequestUsed,
} from "@/db/queries/system";
import { publicAction } from "@/lib/actions/safe-action";
import { clientAddressFrom } from "@/lib/auth/client-address";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { bucketOf, enforceRateLimit } from "@/lib/auth/rate-limit";
import { requestLocale } from "@/lib/i18n/server";
import { hashInviteToken, newInviteToken } from "@/lib/invite-token";
import { confirmSignUpSchema, signUpSchema } from "@/lib/schemas/account";

/** How long a sign-up link stays good. */
export const SIGN_UP_TTL_HOURS = 24;

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

/**
 * Sign-up, step 1: keeps the request and makes the link that confirms it. It does exactly the same work
 * whether or not the address already has an account, so neither the answer nor its timing tells anyone who
 * is registered (OWASP Authentication Cheat Sheet, "Authentication and error messages"); whoever opens the
 * mailed link learns it. Throttled per client address.
 */
export const requestSignUp = publicAction({
  name: "account.signUpRequest",
  schema: signUpSchema,
  locale: requestLocale,
  unaudited: "no agency exists yet; confirming the request creates it and writes the audit row",
  async run(input, { tx, locale }) {
    const address = clientAddressFrom(await headers());
    await enforceRateLimit(tx, "signUp", bucketOf("signUp", address, input.email));
    const { token, tokenHash } = newInviteToken();
    await insertSignUpRequest(tx, {
      tokenHash,
      email: input.email,
      name: input.name,
      agencyName: input.agencyName,
      passwordHash: await hashPassword(input.password),
      locale,
      expiresAt: new Date(Date.now() + SIGN_UP_TTL_HOURS * 3_600_000),
    });
    return { email: input.email, path: `/signup/confirm/${token}` };
  },
});

/** Sign-up, step 2 (from the mailed link): the agency, its first owner, and the audit row that records both. */
export const createAgencyWithOwner = publicAction({
  name: "account.signUp",
  schema: confirmSignUpSchema,
  locale: requestLocale,
  async run(input, { tx, audit }) {
    const now = new Date();
    const request = await findOpenSignUpRequest(tx, { tokenHash: hashInviteToken(input.token), now });
    if (!request) throw new NotFoundError("sign_up_request");
    if (!(await verifyPassword(request.passwordHash, input.password))) {
      throw new FieldError("password", "validation.wrongPassword");
    }
    if (await findUserIdByEmail(tx, request.email)) throw new FieldError("password", "validation.emailTaken");
    await markSignUpRequestUsed(tx, { id: request.id, now });
    const { email, name, passwordHash, locale } = request;
    const userId = await insertUser(tx, { email, name, passwordHash, locale });
    const agencyId = await insertAgency(tx, { name: request.agencyName, slug: slugFor(request.agencyName) });
    const membershipId = await insertMembership(tx, { agencyId, userId, role: "owner" });
    await audit(agencyId, userId, {
      action: "agency.create",
      entity: "agency",
      entityId: agencyId,
      after: { name: request.agencyName, owner: email, membershipId },
    });
    return { userId, agencyId, email };
  },
});
