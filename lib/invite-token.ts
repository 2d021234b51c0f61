import { createHash, randomBytes } from "node:crypto";

export const INVITE_TTL_DAYS = 7;

/** A fresh invite token (shown once, in the link) and the hash that is stored. */
export function newInviteToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, tokenHash: hashInviteToken(token) };
}

export function hashInviteToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
