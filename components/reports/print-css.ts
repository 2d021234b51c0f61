/** Print rules: A4, the report alone, each section on its own page where it does not fit, charts kept whole. */
export const REPORT_PRINT_CSS = `
@page { size: A4; margin: 12mm; }
@media print {
  body * { visibility: hidden; }
  .report-print, .report-print * { visibility: visible; }
  .report-print { position: absolute; inset: 0 auto auto 0; width: 100%; }
  .report-print section { break-inside: avoid; page-break-inside: avoid; }
  .report-print section + section { break-before: auto; }
  .report-print .report-break { break-before: page; page-break-before: always; }
  .report-print svg, .report-print table { break-inside: avoid; }
  .no-print { display: none !important; }
}`;
