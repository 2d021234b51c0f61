import "server-only";
import type { SessionPolicy } from "@/db/queries/sessions";
import { env } from "@/lib/env";

/** How long sessions live (SESSION_IDLE_HOURS, SESSION_MAX_DAYS; 12 hours idle, 30 days at most). */
export function sessionPolicy(): SessionPolicy {
  const { SESSION_IDLE_HOURS, SESSION_MAX_DAYS } = env();
  return { idleMs: SESSION_IDLE_HOURS * 3_600_000, maxAgeMs: SESSION_MAX_DAYS * 86_400_000 };
}
