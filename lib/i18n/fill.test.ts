import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import ja from "@/messages/ja.json";
import { messageFiller } from "./fill";

describe("messageFiller", () => {
  it("fills plain arguments exactly as the translator does", () => {
    for (const [locale, messages] of [
      ["ja", ja],
      ["en", en],
    ] as const) {
      const t = createTranslator({ locale, messages, namespace: "kpiEntry" });
      const fill = messageFiller(t.raw("cellLabel"), (v) => t("cellLabel", v));
      const values = { measure: "売上 & <b>", channel: "楽天" };
      expect(fill(values)).toBe(t("cellLabel", values));
      const e = createTranslator({ locale, messages, namespace: "economics" });
      for (const key of ["showLine", "saveLine", "deleteLine", "deleteConfirm", "copyBaseFor"] as const) {
        const filler = messageFiller(e.raw(key), (v) => e(key, v as { sku: string }));
        expect(filler({ sku: "SKU-1" })).toBe(e(key, { sku: "SKU-1" }));
      }
    }
  });

  it("leaves anything but plain arguments to the translator", () => {
    const calls: Record<string, string>[] = [];
    const format = (values: Record<string, string>) => {
      calls.push(values);
      return "formatted";
    };
    for (const raw of ["{n, plural, one {# item} other {# items}}", "It's {x}", "{x, number}", 42]) {
      expect(messageFiller(raw, format)({ x: "1" })).toBe("formatted");
    }
    expect(calls).toHaveLength(4);
    expect(messageFiller("a {x} b {y}", format)({ x: "1", y: "2" })).toBe("a 1 b 2");
  });
});
