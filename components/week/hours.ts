/** Minutes as the hours input shows them: "1:30" (empty for none). */
export function minutesText(minutes: number | null): string {
  if (minutes === null) return "";
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, "0")}`;
}
