import "server-only";
import { env } from "@/lib/env";

/**
 * The header the app's server (scripts/server.mjs) sets on every request to the address of the TCP peer,
 * replacing any value a client sent. Plain `next dev` does not set it.
 */
export const PEER_HEADER = "x-portal-peer-address";

/**
 * The caller's address, for throttling and the account page. It is the TCP peer unless TRUSTED_PROXY_HOPS
 * says that many proxies (load balancers) stand in front of the app, each appending the address it saw to
 * X-Forwarded-For: then it is the entry that many hops back from the peer. Entries further left were written
 * by the client and are never trusted, so a spoofed X-Forwarded-For changes nothing. Null when unknown.
 */
export function clientAddressFrom(headers: Headers, trustedHops = env().TRUSTED_PROXY_HOPS): string | null {
  const peer = headers.get(PEER_HEADER)?.trim();
  if (!peer) return null;
  if (trustedHops <= 0) return peer;
  const chain = [
    ...(headers.get("x-forwarded-for") ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
    peer,
  ];
  return chain[Math.max(0, chain.length - 1 - trustedHops)] ?? peer;
}
