import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cleanText } from "./text";

describe("the one text rule", () => {
  it("normalises to NFC and trims whitespace and zero-width characters at the edges", () => {
    expect(cleanText("  Cafe\u0301 ")).toEqual({ ok: true, value: "Café" });
    expect(cleanText("\u200b\ufeffさくら\u3000\u200d")).toEqual({ ok: true, value: "さくら" });
    expect(cleanText("a\u200bb")).toEqual({ ok: true, value: "a\u200bb" });
  });

  it("reads text made only of invisible characters as empty", () => {
    expect(cleanText("\u200b\u200b")).toEqual({ ok: true, value: "" });
    expect(cleanText(" \u3000\u2060\ufeff ")).toEqual({ ok: true, value: "" });
  });

  it("refuses NUL, C0 and C1 controls, and line breaks outside multi-line text", () => {
    for (const raw of ["a\u0000", "\u0007bell", "x\u001by", "del\u007f", "nel\u0085", "two\nlines", "tab\there"]) {
      expect(cleanText(raw)).toEqual({ ok: false, problem: "control_character" });
    }
    expect(cleanText("two\nlines\tand a tab", { multiline: true })).toEqual({
      ok: true,
      value: "two\nlines\tand a tab",
    });
    expect(cleanText("nul\u0000", { multiline: true })).toEqual({ ok: false, problem: "control_character" });
  });

  it("refuses bidirectional controls", () => {
    for (const raw of ["\u202eexe.txt", "a\u2066b", "\u200fname", "x\u061cy"]) {
      expect(cleanText(raw)).toEqual({ ok: false, problem: "bidi_control" });
    }
  });

  it("is idempotent: what it keeps, it keeps unchanged", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 30 }), (raw) => {
        const once = cleanText(raw);
        if (!once.ok) return;
        expect(cleanText(once.value)).toEqual(once);
      }),
    );
  });
});
