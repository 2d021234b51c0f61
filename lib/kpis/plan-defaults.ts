// The default KPI plan lives with the pure rules (the demo seed in db/ reads it too).
export { DEFAULT_PLAN_ITEMS, type PlanItemDefaults } from "@/lib/domain/kpi-plan";
