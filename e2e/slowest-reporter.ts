import type { Reporter, TestCase, TestResult } from "@playwright/test/reporter";

const COUNT = 10;

/**
 * Prints the ten slowest tests after the run, so that a journey growing slow is seen when it happens.
 * (Playwright's own `reportSlowTests` names slow files only, and only above a threshold.)
 */
export default class SlowestTests implements Reporter {
  private readonly times: { name: string; ms: number }[] = [];

  onTestEnd(test: TestCase, result: TestResult) {
    const [, project, file, ...titles] = test.titlePath();
    const retry = result.retry > 0 ? ` (retry ${result.retry})` : "";
    this.times.push({ name: `[${project}] ${file} › ${titles.join(" › ")}${retry}`, ms: result.duration });
  }

  onEnd() {
    if (this.times.length === 0) return;
    const top = [...this.times].sort((a, b) => b.ms - a.ms).slice(0, COUNT);
    const lines = top.map(({ name, ms }) => `${(ms / 1000).toFixed(2).padStart(7)}s  ${name}`);
    console.log(`\nSlowest ${top.length} tests (Playwright):\n${lines.join("\n")}\n`);
  }

  printsToStdio() {
    return true;
  }
}
