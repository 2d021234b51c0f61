// The KPI plan a new client starts with (SPEC §6): the surface KPIs (sales, orders, AOV, turnover …) and
// the quality KPIs (satisfaction, repeat, delay, returns), each with the direction of §6's table and where
// an operator reads the figure. The plan editor offers it for a client without a plan; the demo uses it.

import type { Direction, KpiKey, Tier } from "./kpi";
import { KPIS } from "./kpi";

export interface PlanItemDefaults {
  kpi: KpiKey;
  tier: Tier;
  direction: Direction;
  /** Which marketplace screen or tool the figure comes from. */
  dataSource: string;
  thirdPartyAudited: boolean;
}

const SOURCES: Partial<Record<KpiKey, string>> = {
  sales: "楽天RMS・Amazon Seller Central・Yahoo!ストアクリエイターPro の売上レポート",
  orders: "各モールの受注管理画面",
  sessions: "RMSデータ分析・Amazonビジネスレポート・Googleアナリティクス",
  aov: "売上 ÷ 注文数（各モールの売上レポート）",
  cvr: "注文数 ÷ アクセス数（各モールのアクセス解析）",
  roas: "RPP・スポンサープロダクト広告・アイテムマッチの広告レポート",
  tacos: "広告レポートと売上レポート",
  cpa: "各モールの広告レポート",
  inventory_turnover_days: "在庫管理システム（ネクストエンジン等）",
  contribution: "注文数 × P/L基本シナリオの1件あたり貢献利益",
  review_rating: "各モールのレビュー管理画面",
  repeat_rate: "RMS顧客分析・Amazonリピート購入分析",
  delay_rate: "出荷管理システム（配送遅延の記録）",
  return_rate: "各モールの返品・キャンセル管理",
  sla_response_rate: "問い合わせ管理ツール（応答時間の記録）",
};

const DEFAULT_KPIS: readonly KpiKey[] = [
  "sales",
  "orders",
  "sessions",
  "aov",
  "cvr",
  "roas",
  "tacos",
  "cpa",
  "inventory_turnover_days",
  "contribution",
  "review_rating",
  "repeat_rate",
  "delay_rate",
  "return_rate",
  "sla_response_rate",
];

export const DEFAULT_PLAN_ITEMS: readonly PlanItemDefaults[] = DEFAULT_KPIS.map((kpi) => ({
  kpi,
  tier: KPIS[kpi].tier,
  direction: KPIS[kpi].direction,
  dataSource: SOURCES[kpi] ?? "",
  thirdPartyAudited: false,
}));
