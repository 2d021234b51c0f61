// Enumerations shared by the database schema, the validation schemas and the UI (pure: safe anywhere).
export const CHANNELS = ["rakuten", "yahoo", "amazon", "qoo10", "own_site", "other"] as const;
export const SERVICE_MODELS = ["full", "hybrid"] as const;
export const CLIENT_STATUSES = ["onboarding", "trial", "active", "paused", "ended"] as const;
export const ONBOARDING_STAGES = ["kickoff", "data_migration", "store_setup", "trial_run", "live"] as const;
export const ROLES = ["owner", "manager", "operator", "client"] as const;
export const STAFF_ROLES = ["owner", "manager", "operator"] as const;

export type Channel = (typeof CHANNELS)[number];
export type ServiceModel = (typeof SERVICE_MODELS)[number];
export type ClientStatus = (typeof CLIENT_STATUSES)[number];
export type OnboardingStage = (typeof ONBOARDING_STAGES)[number];
export type Role = (typeof ROLES)[number];
export type StaffRole = (typeof STAFF_ROLES)[number];

// Scenarios belong to the unit-economics rules; the database enum and the UI take them from there.
export { SCENARIOS, type Scenario } from "./domain/scenarios";
export const AD_MODES = ["cpa", "cpc_cvr", "acos"] as const;
export type AdMode = (typeof AD_MODES)[number];
