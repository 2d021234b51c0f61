import type { Reporter, TestModule } from "vitest/node";

const COUNT = 10;

/** Prints the ten slowest tests after the run, so that a test growing slow is seen when it happens. */
export default class SlowestTests implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>) {
    const times = testModules.flatMap((module) =>
      Array.from(module.children.allTests(), (test) => ({
        name: `${module.relativeModuleId} › ${test.fullName}`,
        ms: test.diagnostic()?.duration ?? 0,
      })),
    );
    if (times.length === 0) return;
    times.sort((a, b) => b.ms - a.ms);
    const lines = times.slice(0, COUNT).map(({ name, ms }) => `${(ms / 1000).toFixed(2).padStart(7)}s  ${name}`);
    console.log(`\nSlowest ${Math.min(COUNT, times.length)} tests (Vitest):\n${lines.join("\n")}\n`);
  }
}
