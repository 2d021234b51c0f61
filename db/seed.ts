import { sql } from "drizzle-orm";
import type { Channel, ClientStatus, OnboardingStage, Role, ServiceModel } from "@/lib/options";
import type { Database } from "./client";
import {
  agencies,
  auditLog,
  clientAssignments,
  clients,
  contractActuals,
  contractChecklistItems,
  contracts,
  contractVersions,
  memberships,
  plLines,
  users,
} from "./schema";
import { demoContract } from "./seed-contracts";
import { seedId } from "./seed-ids";
import { seedKpis } from "./seed-kpis";
import { seedMargins } from "./seed-margins";

type DemoClient = {
  code: string;
  name: string;
  industry: string;
  channels: Channel[];
  serviceModel: ServiceModel;
  status: ClientStatus;
  onboardingStage: OnboardingStage;
};

const SAKURA_CLIENTS: DemoClient[] = [
  {
    code: "HANA",
    name: "花みずき化粧品",
    industry: "化粧品",
    channels: ["rakuten", "amazon"],
    serviceModel: "full",
    status: "active",
    onboardingStage: "live",
  },
  {
    code: "KOME",
    name: "越後米蔵",
    industry: "食品",
    channels: ["rakuten", "yahoo"],
    serviceModel: "hybrid",
    status: "active",
    onboardingStage: "live",
  },
  {
    code: "TOKI",
    name: "時計工房トキ",
    industry: "雑貨",
    channels: ["amazon", "qoo10"],
    serviceModel: "full",
    status: "trial",
    onboardingStage: "trial_run",
  },
  {
    code: "MORI",
    name: "森のインテリア",
    industry: "家具",
    channels: ["own_site", "rakuten"],
    serviceModel: "hybrid",
    status: "onboarding",
    onboardingStage: "store_setup",
  },
  {
    code: "UMI",
    name: "海の幸ダイレクト",
    industry: "食品",
    channels: ["yahoo", "own_site"],
    serviceModel: "full",
    status: "paused",
    onboardingStage: "live",
  },
  {
    code: "SORA",
    name: "ソラアパレル",
    industry: "アパレル",
    channels: ["qoo10", "other"],
    serviceModel: "hybrid",
    status: "ended",
    onboardingStage: "live",
  },
  {
    code: "NIJI",
    name: "にじいろ雑貨店",
    industry: "雑貨",
    channels: ["rakuten", "yahoo", "amazon", "qoo10", "own_site"],
    serviceModel: "full",
    status: "active",
    onboardingStage: "live",
  },
  {
    code: "YUKI",
    name: "雪国ペットフード",
    industry: "ペット",
    channels: ["amazon", "other"],
    serviceModel: "full",
    status: "onboarding",
    onboardingStage: "kickoff",
  },
];

const FUJI_CLIENTS: DemoClient[] = [
  {
    code: "FJ-01",
    name: "富士山麓ワイナリー",
    industry: "酒類",
    channels: ["rakuten", "own_site"],
    serviceModel: "full",
    status: "active",
    onboardingStage: "live",
  },
  {
    code: "FJ-02",
    name: "駿河茶舗",
    industry: "食品",
    channels: ["yahoo", "amazon"],
    serviceModel: "hybrid",
    status: "trial",
    onboardingStage: "trial_run",
  },
  {
    code: "FJ-03",
    name: "甲斐ジュエリー",
    industry: "宝飾",
    channels: ["qoo10"],
    serviceModel: "full",
    status: "onboarding",
    onboardingStage: "data_migration",
  },
];

type DemoAgency = { key: string; name: string; slug: string; domain: string; clients: DemoClient[] };

const AGENCIES: DemoAgency[] = [
  { key: "sakura", name: "さくらEC運営株式会社", slug: "sakura-ec", domain: "sakura.example", clients: SAKURA_CLIENTS },
  { key: "fuji", name: "富士コマース合同会社", slug: "fuji-commerce", domain: "fuji.example", clients: FUJI_CLIENTS },
];

/** `client` is the client user of each agency's first client, `client2` of its second. */
const PEOPLE: { local: string; name: string; role: Role; clientIndex?: number }[] = [
  { local: "owner", name: "佐藤 美咲", role: "owner" },
  { local: "manager", name: "鈴木 健太", role: "manager" },
  { local: "op1", name: "高橋 陽菜", role: "operator" },
  { local: "op2", name: "田中 翔", role: "operator" },
  { local: "client", name: "伊藤 直子", role: "client", clientIndex: 0 },
  { local: "client2", name: "渡辺 大輔", role: "client", clientIndex: 1 },
];

/**
 * Demo data: two agencies, six people each (owner, manager, two operators, two client users), and clients
 * covering every channel and status. Idempotent: fixed ids, and existing rows are left as they are. Every
 * demo person signs in with the one demo password, whose hash the caller passes in.
 */
export async function seedDemo(
  db: Database,
  { passwordHash, today = new Date() }: { passwordHash: string; today?: Date },
): Promise<{ agencies: number; clients: number; users: number }> {
  let clientCount = 0;
  let userCount = 0;
  await db.transaction(async (tx) => {
    for (const agency of AGENCIES) {
      const agencyId = seedId(`agency:${agency.key}`);
      await tx.insert(agencies).values({ id: agencyId, name: agency.name, slug: agency.slug }).onConflictDoNothing();
      const clientIds = agency.clients.map((c) => seedId(`client:${agency.key}:${c.code}`));
      for (const [i, client] of agency.clients.entries()) {
        await tx
          .insert(clients)
          .values({ id: clientIds[i], agencyId, ...client })
          .onConflictDoNothing();
        clientCount++;
      }
      const membershipIds: Record<string, string> = {};
      for (const person of PEOPLE) {
        const userId = seedId(`user:${agency.key}:${person.local}`);
        const membershipId = seedId(`membership:${agency.key}:${person.local}`);
        membershipIds[person.local] = membershipId;
        await tx
          .insert(users)
          .values({ id: userId, email: `${person.local}@${agency.domain}`, name: person.name, passwordHash })
          .onConflictDoNothing();
        await tx
          .insert(memberships)
          .values({
            id: membershipId,
            agencyId,
            userId,
            role: person.role,
            clientId: person.clientIndex === undefined ? null : clientIds[person.clientIndex],
          })
          .onConflictDoNothing();
        userCount++;
      }
      // The manager manages every client; the operators split them between them.
      for (const [i, clientId] of clientIds.entries()) {
        if (!clientId) continue;
        const rows = [
          { membershipId: membershipIds.manager, role: "manager" as const },
          { membershipId: i % 2 === 0 ? membershipIds.op1 : membershipIds.op2, role: "operator" as const },
        ];
        for (const row of rows) {
          if (!row.membershipId) continue;
          await tx
            .insert(clientAssignments)
            .values({ agencyId, clientId, ...row, membershipId: row.membershipId })
            .onConflictDoNothing();
        }
      }
      await seedContracts(tx, agency, agencyId, clientIds);
      if (agency.key === "sakura" && clientIds[0]) {
        await tx.insert(plLines).values(demoPlLines(agencyId, clientIds[0])).onConflictDoNothing();
      }
      await seedKpis(tx, {
        agencyId,
        userId: seedId(`user:${agency.key}:op1`),
        today,
        clients: agency.clients.flatMap((client, i) => {
          const id = clientIds[i];
          if (!id || (client.status !== "active" && client.status !== "trial")) return [];
          const operator = i % 2 === 0 ? membershipIds.op1 : membershipIds.op2;
          return [{ id, code: client.code, channels: client.channels, operatorMembershipId: operator }];
        }),
      });
      await seedMargins(tx, {
        agencyKey: agency.key,
        agencyId,
        clientIds: clientIds.filter((id): id is string => Boolean(id)),
        today,
      });
      await tx.insert(auditLog).values({
        agencyId,
        actorUserId: null,
        action: "demo.seed",
        entity: "agency",
        entityId: agencyId,
        after: { clients: clientIds.length },
      });
    }
    // Someone who works for two agencies: Sakura's owner also manages at Fuji (the agency switcher).
    await tx
      .insert(memberships)
      .values({
        id: seedId("membership:fuji:sakura-owner"),
        agencyId: seedId("agency:fuji"),
        userId: seedId("user:sakura:owner"),
        role: "manager",
      })
      .onConflictDoNothing();
  });
  return { agencies: AGENCIES.length, clients: clientCount, users: userCount };
}

/**
 * The four cases of the unit-economics article (seed 004) as one client's P/L lines; the pessimistic and
 * optimistic scenarios move the ad cost and the AOV the way a planning meeting would.
 */
function demoPlLines(agencyId: string, clientId: string) {
  const cases = [
    {
      channel: "own_site",
      sku: "高粗利・軽量品",
      aov: 7800,
      grossMarginBp: 7000,
      feeRateBp: 360,
      pointsRateBp: 0,
      shipping: 350,
      packaging: 60,
      returnLoss: 80,
      cpa: 900,
      monthlyOrders: 150,
    },
    {
      channel: "rakuten",
      sku: "雑貨セット",
      aov: 5500,
      grossMarginBp: 5000,
      feeRateBp: 1200,
      pointsRateBp: 500,
      shipping: 600,
      packaging: 60,
      returnLoss: 60,
      cpa: 600,
      monthlyOrders: 900,
    },
    {
      channel: "rakuten",
      sku: "まとめ買いパック",
      aov: 3980,
      grossMarginBp: 3500,
      feeRateBp: 1200,
      pointsRateBp: 0,
      shipping: 300,
      packaging: 50,
      returnLoss: 60,
      cpa: 250,
      monthlyOrders: 1200,
    },
  ] as const;
  const rows = [];
  for (const c of cases) {
    const { monthlyOrders, cpa, ...inputs } = c;
    for (const [scenario, aovDelta, cpaFactor] of [
      ["pessimistic", -300, 1.2],
      ["base", 0, 1],
      ["optimistic", 300, 0.9],
    ] as const) {
      rows.push({
        agencyId,
        clientId,
        scenario,
        ...inputs,
        aov: inputs.aov + aovDelta,
        adMode: "cpa" as const,
        cpa: Math.round(cpa * cpaFactor),
        targetContribution: 1000,
        monthlyOrders,
      });
    }
  }
  for (const [scenario, acosBp] of [
    ["pessimistic", 2500],
    ["base", 2000],
    ["optimistic", 1600],
  ] as const) {
    rows.push({
      agencyId,
      clientId,
      channel: "amazon" as const,
      sku: "FBA定番品",
      scenario,
      aov: 4980,
      grossMarginBp: 5500,
      feeRateBp: 1500,
      pointsRateBp: 0,
      shipping: 0,
      packaging: 0,
      returnLoss: 60,
      otherVariable: [
        { name: "FBA配送代行", amount: 430 },
        { name: "FBA保管", amount: 70 },
      ],
      adMode: "acos" as const,
      acosBp,
      targetContribution: 1000,
      monthlyOrders: 800,
    });
  }
  return rows;
}

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

const REGISTRATION_NUMBERS: Record<string, string> = { sakura: "T1010001000001", fuji: "T5080001000002" };

/**
 * A contract for every demo client (a draft while onboarding, terminated once ended, otherwise active), the
 * agency's invoice registration number, last month's actuals and two checklist decisions for the first one.
 */
async function seedContracts(tx: Tx, agency: DemoAgency, agencyId: string, clientIds: (string | undefined)[]) {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tokyo" }).format(new Date());
  const lastMonth = (() => {
    const [y, m] = today.split("-").map(Number) as [number, number];
    return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, "0")}`;
  })();
  const number = REGISTRATION_NUMBERS[agency.key];
  if (number) {
    await tx
      .update(agencies)
      .set({ settings: sql`${agencies.settings} || ${JSON.stringify({ invoiceRegistrationNumber: number })}::jsonb` })
      .where(sql`${agencies.id} = ${agencyId} and not (${agencies.settings} ? 'invoiceRegistrationNumber')`);
  }
  const owner = seedId(`user:${agency.key}:owner`);
  for (const [i, client] of agency.clients.entries()) {
    const clientId = clientIds[i];
    if (!clientId) continue;
    const contractId = seedId(`contract:${agency.key}:${client.code}`);
    const versionId = seedId(`contract-version:${agency.key}:${client.code}:1`);
    const status = client.status === "ended" ? "terminated" : client.status === "onboarding" ? "draft" : "active";
    await tx
      .insert(contracts)
      .values({
        id: contractId,
        agencyId,
        clientId,
        title: "運営代行契約",
        status,
        currentVersionId: versionId,
      })
      .onConflictDoNothing();
    await tx
      .insert(contractVersions)
      .values({
        id: versionId,
        agencyId,
        contractId,
        number: 1,
        document: demoContract(i, today),
        note: "締結",
        createdBy: owner,
      })
      .onConflictDoNothing();
    if (i === 0) {
      await tx
        .insert(contractActuals)
        .values({
          agencyId,
          clientId,
          contractId,
          month: lastMonth,
          actuals: { sales: 4_200_000, orders: 830, grossProfit: 1_700_000, adRevenue: 1_300_000, adSpend: 280_000 },
        })
        .onConflictDoNothing();
      for (const item of [1, 5]) {
        await tx
          .insert(contractChecklistItems)
          .values({
            agencyId,
            contractVersionId: versionId,
            item,
            status: "confirmed",
            note: "契約書で確認",
            checkedBy: owner,
          })
          .onConflictDoNothing();
      }
    }
  }
}
