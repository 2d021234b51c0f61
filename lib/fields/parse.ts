/**
 * Numbers as people type them into a spreadsheet, read exactly (no floating point): yen may carry "¥", "円"
 * and thousands separators; percentages are typed as percent ("3.6" is 3.6 %) and become basis points.
 */

export type Parsed = { ok: true; value: number } | { ok: false; code: "required" | "not_a_number" | "too_precise" };

const FULLWIDTH = /[０-９．，－]/g;

function normalise(raw: string): string {
  return raw
    .replace(FULLWIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[¥￥円,\s]/g, "")
    .replace(/^\+/, "");
}

/** "7,800" / "¥7,800" / "７８００円" → 7800. Whole yen only. */
export function parseYen(raw: string | number | null | undefined): Parsed {
  if (typeof raw === "number")
    return Number.isSafeInteger(raw) ? { ok: true, value: raw } : { ok: false, code: "not_a_number" };
  const s = normalise(raw ?? "");
  if (s === "") return { ok: false, code: "required" };
  if (!/^-?\d+$/.test(s))
    return /^-?\d*\.\d+$/.test(s) ? { ok: false, code: "too_precise" } : { ok: false, code: "not_a_number" };
  const value = Number(s);
  return Number.isSafeInteger(value) ? { ok: true, value } : { ok: false, code: "not_a_number" };
}

/** "3.6" / "3.6%" / "12" → basis points (360 / 360 / 1200). At most two decimals (0.01 % = 1 bp). */
export function parsePercentToBp(raw: string | number | null | undefined): Parsed {
  const s = normalise(typeof raw === "number" ? String(raw) : (raw ?? "")).replace(/[%％]$/, "");
  if (s === "") return { ok: false, code: "required" };
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(s);
  if (!match) return { ok: false, code: "not_a_number" };
  const [, sign, whole = "0", fraction = ""] = match;
  if (fraction.replace(/0+$/, "").length > 2) return { ok: false, code: "too_precise" };
  const bp = Number(whole) * 100 + Number(fraction.padEnd(2, "0").slice(0, 2));
  if (!Number.isSafeInteger(bp)) return { ok: false, code: "not_a_number" };
  return { ok: true, value: sign === "-" ? -bp : bp };
}

/** "4.23" / "★4.23" / "４．２３" / "4" → hundredths (423 / 423 / 423 / 400): ratings and CSAT scores. */
export function parseHundredths(raw: string | number | null | undefined): Parsed {
  const s = normalise(typeof raw === "number" ? String(raw) : (raw ?? "")).replace(/^[★☆]/, "");
  if (s === "") return { ok: false, code: "required" };
  const match = /^(-?)(\d+)(?:\.(\d*))?$/.exec(s) ?? /^(-?)()\.(\d+)$/.exec(s);
  if (!match) return { ok: false, code: "not_a_number" };
  const [, sign, whole = "", fraction = ""] = match;
  if (fraction.replace(/0+$/, "").length > 2) return { ok: false, code: "too_precise" };
  const value = Number(whole || "0") * 100 + Number(fraction.padEnd(2, "0").slice(0, 2));
  if (!Number.isSafeInteger(value)) return { ok: false, code: "not_a_number" };
  return { ok: true, value: sign === "-" ? -value : value };
}

/** 423 → "4.23", 400 → "4.00": the inverse of parseHundredths, always with two decimals. */
export function hundredthsText(value: number): string {
  const sign = value < 0 ? "-" : "";
  const abs = Math.abs(value);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/** 360 → "3.6"; the inverse of parsePercentToBp for showing a stored rate in an input. */
export function bpToPercentText(bp: number): string {
  const sign = bp < 0 ? "-" : "";
  const abs = Math.abs(bp);
  const whole = Math.floor(abs / 100);
  const fraction = String(abs % 100)
    .padStart(2, "0")
    .replace(/0+$/, "");
  return fraction ? `${sign}${whole}.${fraction}` : `${sign}${whole}`;
}

/** "FBA fulfilment:430; FBA storage:70" ⇄ [{ name, amount }]: the other variable costs in one cell. */
export function parseOtherCosts(
  raw: string | null | undefined,
): { ok: true; value: { name: string; amount: number }[] } | { ok: false } {
  const text = (raw ?? "").trim();
  if (text === "") return { ok: true, value: [] };
  const items: { name: string; amount: number }[] = [];
  for (const part of text.split(/[;；\n]/)) {
    if (part.trim() === "") continue;
    const at = Math.max(part.lastIndexOf(":"), part.lastIndexOf("："));
    if (at <= 0) return { ok: false };
    const name = part.slice(0, at).trim();
    const amount = parseYen(part.slice(at + 1));
    if (!name || !amount.ok) return { ok: false };
    items.push({ name, amount: amount.value });
  }
  return { ok: true, value: items };
}

export function formatOtherCosts(items: readonly { name: string; amount: number }[]): string {
  return items.map((i) => `${i.name}:${i.amount}`).join("; ");
}
