import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import ja from "@/messages/ja.json";

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe("message catalogues", () => {
  it("English has exactly the keys Japanese has", () => {
    expect(keys(en).sort()).toEqual(keys(ja).sort());
  });

  it("no message is empty", () => {
    const empty = (catalogue: unknown) =>
      keys(catalogue).filter(
        (k) => k.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], catalogue) === "",
      );
    expect(empty(ja)).toEqual([]);
    expect(empty(en)).toEqual([]);
  });
});
