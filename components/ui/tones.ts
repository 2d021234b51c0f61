import type { BadgeTone } from "@/components/ui/misc";
import type { KpiStatus } from "@/lib/domain/kpi";
import type { VerdictKind } from "@/lib/domain/verdict";
import type { ClientStatus } from "@/lib/options";

/** The badge colour of a client's status, a KPI's status and a verdict, wherever they show (server and client components). */
export const kpiStatusTone: Record<KpiStatus, BadgeTone> = { on_track: "green", watch: "yellow", off_track: "red" };
export const verdictTone: Record<VerdictKind, BadgeTone> = { go: "green", hold: "yellow", stop: "red" };
export const clientStatusTone: Record<ClientStatus, BadgeTone> = {
  onboarding: "blue",
  trial: "yellow",
  active: "green",
  paused: "gray",
  ended: "red",
};
