export { appTenant } from "./_shared";
export * from "./agencies";
export * from "./audit";
export * from "./clients";
export * from "./contracts";
export * from "./economics";
export * from "./kpis";
export * from "./margins";
export * from "./users";
