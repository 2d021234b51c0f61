import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The reference vectors are kept in the repository so that a clone tests on its own; when the shared
// specification folder sits beside the checkout (as in CI), the copies must be identical to it.
const shared = path.resolve(import.meta.dirname, "../../../shared/reference");

describe.skipIf(!existsSync(shared))("reference vectors", () => {
  for (const file of ["unit-economics-cases.json", "fee-cases.json"]) {
    it(`${file} matches ../shared/reference`, () => {
      const ours = readFileSync(path.resolve(import.meta.dirname, "reference", file), "utf8");
      expect(JSON.parse(ours)).toEqual(JSON.parse(readFileSync(path.join(shared, file), "utf8")));
    });
  }
});
