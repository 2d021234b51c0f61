// Every P/L line exists as pessimistic / base / optimistic (SPEC §5); pages show them side by side.

import type { Result } from "./result";
import type { LineFigures, LineInput } from "./unit-economics";
import { computeLine } from "./unit-economics";

/** Display order, left to right. */
export const SCENARIOS = ["pessimistic", "base", "optimistic"] as const;

export type Scenario = (typeof SCENARIOS)[number];

export type ScenarioSet<T> = { readonly [K in Scenario]: T };

export function isScenario(value: unknown): value is Scenario {
  return typeof value === "string" && (SCENARIOS as readonly string[]).includes(value);
}

export function mapScenarios<T, U>(set: ScenarioSet<T>, fn: (value: T, scenario: Scenario) => U): ScenarioSet<U> {
  return {
    pessimistic: fn(set.pessimistic, "pessimistic"),
    base: fn(set.base, "base"),
    optimistic: fn(set.optimistic, "optimistic"),
  };
}

/** Each scenario validated and computed on its own, so one bad scenario does not hide the others. */
export function computeScenarios(inputs: ScenarioSet<LineInput>): ScenarioSet<Result<LineFigures>> {
  return mapScenarios(inputs, computeLine);
}
