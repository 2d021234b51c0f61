// Generated data set for the page benchmark (scripts/bench-pages.ts) and the soak test (bench-soak.ts): one
// agency with 500 clients and 20 members (1 owner, 4 managers, 15 operators) unless told otherwise. Every client
// has one manager and one or two operators. All users share one known password, hashed once. Deterministic: the
// same seed gives the same rows.
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { insertContract } from "@/db/queries/contracts";
import {
  agencies,
  clientAssignments,
  clients,
  memberships,
  type NewClient,
  type NewPlLine,
  plLines,
  users,
} from "@/db/schema";
import { PROFILES, seedKpis } from "@/db/seed-kpis";
import { withTenant } from "@/db/tenant";
import { hashPassword } from "@/lib/auth/password";
import { addMonths, monthKey } from "@/lib/domain/calendar";
import { sampleVersion } from "@/lib/domain/contract-fixtures";
import {
  AD_MODES,
  CHANNELS,
  type Channel,
  type ClientStatus,
  ONBOARDING_STAGES,
  SCENARIOS,
  SERVICE_MODELS,
} from "@/lib/options";
import { generateDraft, publish } from "@/lib/reports/service";

export const BENCH_PASSWORD = "bench-password-2026";
export const BENCH_DOMAIN = "bench.example";

export type BenchDataOptions = {
  clients?: number;
  managers?: number;
  operators?: number;
  password?: string;
  seed?: number;
  /** P/L lines (× 3 scenarios) on the first client, for the P/L page's render time. */
  plLines?: number;
  /** Further clients (the 2nd, 3rd, …) with a small P/L each, `smallPlLines` lines × 3 (the soak test's). */
  smallPlClients?: number;
  smallPlLines?: number;
};

/** What a client edit sends (the edit form's fields), as generated. */
export type BenchClient = {
  id: string;
  name: string;
  code: string;
  industry: string;
  channels: string[];
  serviceModel: string;
  status: string;
  onboardingStage: string;
  managerMembershipId: string | null;
  operatorMembershipIds: string[];
};

export type BenchMember = {
  email: string;
  role: "owner" | "manager" | "operator";
  membershipId: string;
  /** The clients the member is assigned to (owners and managers see every client regardless). */
  assignedClientIds: string[];
};

export type BenchData = {
  agencyId: string;
  ownerEmail: string;
  password: string;
  /** Every client's name, so a caller can check that a page shows real rows. */
  clientNames: string[];
  /** The client that carries the P/L lines. */
  plClientId: string;
  /** Every client with P/L lines: the first, then the small ones. */
  plClientIds: string[];
  /** A contract with 20 fee lines and 10 performance rules (the second client's), for its page and invoice. */
  contract: { clientId: string; contractId: string; month: string };
  /** A client with a KPI plan and 3 years × 6 channels of weekly figures (the third), for the KPI pages. */
  kpi: { clientId: string; operatorEmail: string };
  /** That client's published report of last month. */
  report: { clientId: string; month: string };
  clients: BenchClient[];
  members: BenchMember[];
  counts: { clients: number; members: number; managers: number; operators: number; assignments: number };
};

/** Deterministic generator (mulberry32) returning an integer in [0, max). */
function random(seed: number): (max: number) => number {
  let state = seed >>> 0;
  return (max) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) % max;
  };
}

function pick<T>(items: readonly T[], next: (max: number) => number): T {
  const item = items[next(items.length)];
  if (item === undefined) throw new Error("pick from an empty list");
  return item;
}

const NAME_HEADS = [
  "さくら",
  "みどり",
  "あおぞら",
  "ひかり",
  "はなみ",
  "こだま",
  "やまと",
  "うみかぜ",
  "ゆきぐに",
  "つばさ",
];
const NAME_TAILS = ["商店", "物産", "化粧品", "食品", "雑貨店", "ファーム", "アパレル", "工房", "ストア", "ダイレクト"];
const INDUSTRIES = ["化粧品", "食品", "雑貨", "家具", "アパレル", "ペット", "酒類", "宝飾", "家電", "スポーツ"];
const STATUSES: ClientStatus[] = ["active", "active", "active", "active", "trial", "onboarding", "paused", "ended"];
const FAMILY_NAMES = ["佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤"];
const GIVEN_NAMES = ["美咲", "健太", "陽菜", "翔", "直子", "大輔", "彩", "拓海", "結衣", "蓮"];

function chunks<T>(rows: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/** `count` P/L lines of a client in all three scenarios and every ad mode. */
function plLinesFor(agencyId: string, clientId: string, count: number, next: (max: number) => number): NewPlLine[] {
  return Array.from({ length: count }, (_, i) => i).flatMap((i) =>
    SCENARIOS.map((scenario, s) => {
      const adMode = AD_MODES[i % AD_MODES.length] ?? "cpa";
      return {
        agencyId,
        clientId,
        channel: CHANNELS[i % CHANNELS.length] ?? "rakuten",
        sku: `SKU-${String(i + 1).padStart(4, "0")}`,
        scenario,
        aov: 2000 + next(8000) + (s - 1) * 300,
        grossMarginBp: 3000 + next(4000),
        feeRateBp: 300 + next(1200),
        pointsRateBp: next(600),
        shipping: next(700),
        packaging: next(100),
        returnLoss: next(120),
        otherVariable: i % 5 === 0 ? [{ name: "FBA", amount: 300 + next(200) }] : [],
        adMode,
        cpa: adMode === "cpa" ? 200 + next(900) : null,
        cpc: adMode === "cpc_cvr" ? 20 + next(60) : null,
        cvrBp: adMode === "cpc_cvr" ? 100 + next(400) : null,
        acosBp: adMode === "acos" ? 800 + next(2000) : null,
        targetContribution: 1000,
        monthlyOrders: next(2000),
      };
    }),
  );
}

/** Inserts the data set into a freshly migrated, empty database (as a role that bypasses row-level security). */
export async function generateBenchData(db: Database, options: BenchDataOptions = {}): Promise<BenchData> {
  const clientCount = options.clients ?? 500;
  const managerCount = options.managers ?? 4;
  const operatorCount = options.operators ?? 15;
  const password = options.password ?? BENCH_PASSWORD;
  const next = random(options.seed ?? 20_260);
  if (managerCount < 1 || operatorCount < 2) throw new Error("need at least 1 manager and 2 operators");

  // Argon2id is deliberately slow: hash once and give every user the same hash.
  const passwordHash = await hashPassword(password);
  const agencyId = crypto.randomUUID();

  const people = [
    { local: "owner", role: "owner" as const },
    ...Array.from({ length: managerCount }, (_, i) => ({ local: `manager${i + 1}`, role: "manager" as const })),
    ...Array.from({ length: operatorCount }, (_, i) => ({
      local: `op${String(i + 1).padStart(2, "0")}`,
      role: "operator" as const,
    })),
  ].map((p, i) => ({
    ...p,
    userId: crypto.randomUUID(),
    membershipId: crypto.randomUUID(),
    name: `${FAMILY_NAMES[i % FAMILY_NAMES.length]} ${GIVEN_NAMES[Math.floor(i / FAMILY_NAMES.length) % GIVEN_NAMES.length]}`,
  }));
  const managers = people.filter((p) => p.role === "manager");
  const operators = people.filter((p) => p.role === "operator");

  const now = Date.now();
  const day = 24 * 3600 * 1000;
  const clientRows: (NewClient & { id: string; name: string })[] = Array.from({ length: clientCount }, (_, i) => {
    const status = pick(STATUSES, next);
    const channels = CHANNELS.filter(() => next(3) === 0);
    const updatedAt = new Date(now - next(365) * day - next(day));
    return {
      id: crypto.randomUUID(),
      agencyId,
      code: `BN-${String(i + 1).padStart(4, "0")}`,
      name: `${pick(NAME_HEADS, next)}${pick(NAME_TAILS, next)} ${String(i + 1).padStart(3, "0")}`,
      industry: pick(INDUSTRIES, next),
      channels: channels.length > 0 ? channels : [pick<Channel>(CHANNELS, next)],
      serviceModel: pick(SERVICE_MODELS, next),
      status,
      onboardingStage:
        status === "onboarding" || status === "trial" ? pick(ONBOARDING_STAGES.slice(0, 4), next) : "live",
      createdAt: new Date(updatedAt.getTime() - next(200) * day),
      updatedAt,
    };
  });

  const assignmentRows = clientRows.flatMap((client, i) => {
    const manager = managers[i % managers.length];
    const first = next(operators.length);
    // A second, different operator on about half of the clients.
    const second = next(2) === 0 ? (first + 1 + next(operators.length - 1)) % operators.length : undefined;
    const chosen = [operators[first], second === undefined ? undefined : operators[second]];
    return [
      ...(manager
        ? [{ agencyId, clientId: client.id, membershipId: manager.membershipId, role: "manager" as const }]
        : []),
      ...chosen.flatMap((op) =>
        op ? [{ agencyId, clientId: client.id, membershipId: op.membershipId, role: "operator" as const }] : [],
      ),
    ];
  });

  // One client with many P/L lines in all three scenarios and every ad mode.
  const plClientId = clientRows[0]?.id ?? "";
  const plRows = plLinesFor(agencyId, plClientId, options.plLines ?? 300, next);

  // After everything above, so that the default data set stays the same whatever these options say.
  const smallPlClientIds = clientRows.slice(1, 1 + (options.smallPlClients ?? 0)).map((c) => c.id);
  for (const clientId of smallPlClientIds)
    plRows.push(...plLinesFor(agencyId, clientId, options.smallPlLines ?? 10, next));

  // The KPI pages' client sells on every channel (no draw from the generator: the rest stays the same).
  const kpiClient = clientRows[2];
  if (kpiClient) Object.assign(kpiClient, { channels: [...CHANNELS], status: "active" });

  await db.transaction(async (tx) => {
    await tx.insert(agencies).values({ id: agencyId, name: "ベンチマークEC運営株式会社", slug: "bench-ec" });
    await tx
      .insert(users)
      .values(people.map((p) => ({ id: p.userId, email: `${p.local}@${BENCH_DOMAIN}`, name: p.name, passwordHash })));
    for (const rows of chunks(clientRows, 250)) await tx.insert(clients).values(rows);
    await tx
      .insert(memberships)
      .values(people.map((p) => ({ id: p.membershipId, agencyId, userId: p.userId, role: p.role, clientId: null })));
    for (const rows of chunks(assignmentRows, 500)) await tx.insert(clientAssignments).values(rows);
    for (const rows of chunks(plRows, 500)) await tx.insert(plLines).values(rows);
  });
  // A bulk load leaves the planner believing the tables are nearly empty until autovacuum analyses them, which a
  // server does within a minute and PGlite never does. The benchmark measures the app, not that minute: with
  // stale statistics the client list sorts every client by name instead of reading the name index in order.
  await db.execute(sql`analyze`);

  // A contract as large as the contract pages are measured with: 20 fee lines and 10 performance rules.
  const contractClientId = clientRows[1]?.id ?? plClientId;
  const document = sampleVersion();
  document.fees.initialFeeLines = Array.from({ length: 10 }, (_, i) => ({
    label: `初期費用 ${i + 1}`,
    amount: 50_000 + i * 10_000,
  }));
  document.fees.monthlyFeeLines = Array.from({ length: 10 }, (_, i) => ({
    label: `月額 ${i + 1}`,
    amount: 30_000 + i * 5_000,
  }));
  document.fees.performanceRules = Array.from({ length: 10 }, (_, i) =>
    i % 3 === 0
      ? {
          kind: "rate_over_baseline" as const,
          basis: "sales" as const,
          rateBp: 300 + i * 10,
          baseline: 1_000_000 * i,
          cap: 500_000,
        }
      : i % 3 === 1
        ? {
            kind: "per_unit_over_baseline" as const,
            basis: "orders" as const,
            yenPerUnit: 50 + i,
            baseline: 100 * i,
            cap: null,
          }
        : {
            kind: "bonus_at_threshold" as const,
            metric: "roas" as const,
            thresholdBp: 30_000 + i * 1_000,
            bonus: 50_000,
            cap: null,
          },
  );
  const contract = await insertContract(db, {
    agencyId,
    clientId: contractClientId,
    title: "運営代行契約（ベンチマーク）",
    document,
    note: "",
    createdBy: people[0]?.userId ?? "",
  });

  // Three years of weekly figures on every channel, up to last week: the KPI page and the weekly entry.
  const kpiClientId = clientRows[2]?.id ?? plClientId;
  const kpiOperator = assignmentRows.find((a) => a.clientId === kpiClientId && a.role === "operator");
  const kpiProfile = PROFILES.KOME;
  if (kpiProfile) {
    await db
      .update(clients)
      .set({ channels: [...CHANNELS], status: "active" })
      .where(sql`${clients.id} = ${kpiClientId}`);
    await db.transaction((tx) =>
      seedKpis(tx, {
        agencyId,
        userId: people[0]?.userId ?? "",
        today: new Date(),
        clients: [
          {
            id: kpiClientId,
            code: "BENCH-KPI",
            channels: [...CHANNELS],
            operatorMembershipId: kpiOperator?.membershipId,
            profile: { ...kpiProfile, weeks: 156 },
          },
        ],
      }),
    );
    await db.execute(sql`analyze`);
  }
  const kpiOperatorEmail = people.find((p) => p.membershipId === kpiOperator?.membershipId)?.local ?? "owner";

  // Its report of last month, published (the report page renders the stored snapshot).
  const tokyo = new Date(Date.now() + 9 * 3_600_000);
  const reportMonth = monthKey(addMonths({ year: tokyo.getUTCFullYear(), month: tokyo.getUTCMonth() + 1 }, -1));
  await withTenant(db, agencyId, async (tx) => {
    const draft = await generateDraft(tx, { agencyId, clientId: kpiClientId, month: reportMonth, actorUserId: null });
    await publish(tx, { agencyId, reportId: draft.id, version: 1, actorUserId: people[0]?.userId ?? null });
  });

  return {
    agencyId,
    ownerEmail: `owner@${BENCH_DOMAIN}`,
    kpi: { clientId: kpiClientId, operatorEmail: `${kpiOperatorEmail}@${BENCH_DOMAIN}` },
    report: { clientId: kpiClientId, month: reportMonth },
    password,
    clientNames: clientRows.map((c) => c.name),
    plClientId,
    plClientIds: [plClientId, ...smallPlClientIds],
    contract: { clientId: contractClientId, contractId: contract.id, month: "2026-06" },
    clients: clientRows.map((c) => {
      const assigned = assignmentRows.filter((a) => a.clientId === c.id);
      return {
        id: c.id,
        name: c.name,
        code: c.code,
        industry: c.industry ?? "",
        channels: c.channels ?? [],
        serviceModel: c.serviceModel,
        status: c.status ?? "onboarding",
        onboardingStage: c.onboardingStage ?? "kickoff",
        managerMembershipId: assigned.find((a) => a.role === "manager")?.membershipId ?? null,
        operatorMembershipIds: assigned.filter((a) => a.role === "operator").map((a) => a.membershipId),
      };
    }),
    members: people.map((p) => ({
      email: `${p.local}@${BENCH_DOMAIN}`,
      role: p.role,
      membershipId: p.membershipId,
      assignedClientIds: assignmentRows.filter((a) => a.membershipId === p.membershipId).map((a) => a.clientId),
    })),
    counts: {
      clients: clientRows.length,
      members: people.length,
      managers: managers.length,
      operators: operators.length,
      assignments: assignmentRows.length,
    },
  };
}
