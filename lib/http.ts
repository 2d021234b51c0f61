import "server-only";
import { headers } from "next/headers";

/** This request's origin ("https://portal.example"), for links in mails; "" outside a request. */
export async function requestOrigin(): Promise<string> {
  const h = await headers().catch(() => undefined);
  const host = h?.get("x-forwarded-host") ?? h?.get("host");
  if (!host) return "";
  return `${h?.get("x-forwarded-proto") ?? "http"}://${host}`;
}
