// Renders a stored report snapshot's PDF `count` times and prints the timings as JSON (run by
// bench-reports.ts in a process of its own: @react-pdf/renderer needs React outside the react-server condition).
import fs from "node:fs";
import { parseSnapshot } from "@/lib/domain/report";
import { renderReportPdf } from "@/lib/reports/pdf";

const [file, countText] = process.argv.slice(2);
if (!file) throw new Error("usage: bench-pdf.ts <snapshot.json> [count]");
const snapshot = parseSnapshot(JSON.parse(fs.readFileSync(file, "utf8")));
const count = Number(countText ?? 20);
const times: number[] = [];
let bytes = 0;
for (let i = 0; i <= count; i++) {
  const started = performance.now();
  const pdf = await renderReportPdf(snapshot, "ja");
  // The first render loads the font and warms up; it is not counted.
  if (i > 0) times.push(performance.now() - started);
  bytes = pdf.length;
}
console.log(JSON.stringify({ times, bytes }));
