/** The portfolio's sortable columns (the URL's `sort`). */
export const PORTFOLIO_SORTS = [
  "name",
  "monthlyFee",
  "performanceFee",
  "revenue",
  "hours",
  "deliveryCost",
  "margin",
  "marginBp",
  "contractEnd",
] as const;
export type PortfolioSort = (typeof PORTFOLIO_SORTS)[number];
