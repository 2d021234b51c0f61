// Display of the margin's figures (never used for computing them).

/** 1234 bp → "12.3%" (ja) / "12.3%" (en); null → "—". */
export function formatBp(bp: number | null): string {
  if (bp === null) return "—";
  return `${(bp / 100).toFixed(1)}%`;
}

/** 90 minutes → "1.5". */
export function formatHours(minutes: number): string {
  return (minutes / 60).toFixed(1).replace(/\.0$/, "");
}
