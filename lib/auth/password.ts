import "server-only";
import { hash, verify } from "@node-rs/argon2";

/**
 * argon2id at OWASP's minimum recommendation (m=19 MiB, t=2, p=1). @node-rs/argon2's own defaults are weaker,
 * so the parameters are spelled out. `Algorithm` is a const enum that isolated modules cannot import; 2 is
 * Argon2id.
 */
export const PASSWORD_HASH_OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, PASSWORD_HASH_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verifying against this when the e-mail is unknown keeps the response time the same for known and unknown
// accounts, so timing does not reveal which addresses have an account.
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword("not-a-real-password-used-for-constant-time");
  return dummyHash;
}
