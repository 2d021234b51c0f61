import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { insertContract } from "@/db/queries/contracts";
import { replaceKpiTargets, saveKpiPlan } from "@/db/queries/kpis";
import { createRun, ensureDraft } from "@/db/queries/reports";
import { createSession } from "@/db/queries/sessions";
import {
  agencyLogos,
  clients,
  contracts,
  costRates,
  directCosts,
  invites,
  memberships,
  plLines,
  users,
} from "@/db/schema";
import { withTenant } from "@/db/tenant";
import type { TestDatabase } from "@/db/testing";
import type { ActionMeta, ActionResult } from "@/lib/actions/safe-action";
import { hashPassword } from "@/lib/auth/password";
import { sampleVersion } from "@/lib/domain/contract-fixtures";
import { emptyCommentary } from "@/lib/domain/report-commentary";
import { newInviteToken } from "@/lib/invite-token";
import { PNG_1X1, pngFile } from "./branding-fixtures";
import { auditCount, snapshot } from "./db-state";
import {
  FIXTURE_PASSWORD,
  ID,
  PEOPLE,
  PRINCIPALS,
  type Principal,
  seedFixtures,
  signInAs,
  useTestDatabase,
} from "./fixtures";

vi.mock("@/lib/auth/session", async () => (await import("./fixtures")).sessionModuleMock());

type AnyAction = ((prev: null, input: unknown) => Promise<ActionResult<unknown>>) & ActionMeta;
type Outcome = "ok" | "not_found" | "unauthenticated" | "invalid";

let t: TestDatabase;
let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`.toUpperCase();
/** A date no other call used (cost rates are unique per role or person and day). */
const freshDay = (year: number) => {
  const n = counter++;
  const month = String((Math.floor(n / 28) % 12) + 1).padStart(2, "0");
  return `${year + Math.floor(n / 336)}-${month}-${String((n % 28) + 1).padStart(2, "0")}`;
};

/**
 * Every export of every `actions.ts` under app/: an agency action (it carries meta), a user action (the
 * signed-in user's own account, no role involved: tests/accounts.test.ts covers them) or a named public one.
 */
const PUBLIC_ACTIONS = new Set([
  "login",
  "signUp",
  "confirm",
  "accept",
  "setVisitorLocale",
  "logout",
  "changePassword",
]);

async function loadAllActions(): Promise<Map<string, AnyAction>> {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "actions.ts") files.push(full);
    }
  };
  walk(path.resolve(import.meta.dirname, "../app"));
  const found = new Map<string, AnyAction>();
  for (const file of files) {
    const mod = (await import(file)) as Record<string, unknown>;
    for (const [exportName, value] of Object.entries(mod)) {
      const action = value as Partial<AnyAction>;
      if (typeof value === "function" && action.permission === "user") continue;
      if (typeof value === "function" && action.actionName && action.permission !== "public")
        found.set(action.actionName, value as AnyAction);
      else if (!PUBLIC_ACTIONS.has(exportName))
        throw new Error(`${file} exports ${exportName}, which is neither an agencyAction nor a known public action`);
    }
  }
  return found;
}

type Case = {
  action: string;
  label?: string;
  /** Creates what the call needs (as the database owner) and returns the input: valid for agency A. */
  input: () => Promise<Record<string, unknown>>;
  expected: Record<Principal, Outcome>;
};

const staffOnly = (
  owner: Outcome,
  manager: Outcome,
  otherAgencyManager: Outcome = "not_found",
): Record<Principal, Outcome> => ({
  anonymous: "unauthenticated",
  owner,
  manager,
  operatorAssigned: "not_found",
  operatorUnassigned: "not_found",
  clientUser: "not_found",
  otherClientUser: "not_found",
  otherAgencyManager,
});

async function freshClient() {
  const [row] = await t.db
    .insert(clients)
    .values({ agencyId: ID.agencyA, name: "対象", code: `T${unique()}`, serviceModel: "full", channels: ["rakuten"] })
    .returning({ id: clients.id, version: clients.version });
  if (!row) throw new Error("no row");
  return row;
}

async function freshOperator() {
  const [user] = await t.db
    .insert(users)
    .values({ email: `op-${unique().toLowerCase()}@test.example`, name: "臨時", passwordHash: "x" })
    .returning({ id: users.id });
  if (!user) throw new Error("no row");
  const [m] = await t.db
    .insert(memberships)
    .values({ agencyId: ID.agencyA, userId: user.id, role: "operator" })
    .returning({ id: memberships.id });
  if (!m) throw new Error("no row");
  return m.id;
}

const clientInput = () => ({
  name: "新規クライアント",
  code: `N${unique()}`,
  industry: "食品",
  channels: ["rakuten", "amazon"],
  serviceModel: "full",
  status: "onboarding",
  onboardingStage: "kickoff",
  managerMembershipId: PEOPLE.manager.membershipId,
  operatorMembershipIds: [PEOPLE.operatorAssigned.membershipId],
});

const CASES: Case[] = [
  // Another agency's manager names agency A's staff, which do not exist in their tenant: a field error, no write.
  { action: "clients.create", input: async () => clientInput(), expected: staffOnly("ok", "ok", "invalid") },
  {
    action: "clients.update",
    input: async () => {
      const c = await freshClient();
      return { ...clientInput(), id: c.id, version: c.version };
    },
    expected: staffOnly("ok", "ok"),
  },
  {
    action: "clients.end",
    input: async () => {
      const c = await freshClient();
      return { id: c.id, version: c.version };
    },
    expected: staffOnly("ok", "ok"),
  },
  {
    action: "members.invite",
    label: "staff invite",
    input: async () => ({ email: `new-${unique().toLowerCase()}@test.example`, role: "operator" }),
    expected: staffOnly("ok", "not_found"),
  },
  {
    action: "members.invite",
    label: "client-user invite for a managed client",
    input: async () => ({ email: `cu-${unique().toLowerCase()}@test.example`, role: "client", clientId: ID.clientA1 }),
    expected: staffOnly("ok", "ok"),
  },
  {
    action: "members.invite",
    label: "client-user invite for a client the manager does not manage",
    input: async () => ({ email: `cu-${unique().toLowerCase()}@test.example`, role: "client", clientId: ID.clientA2 }),
    expected: staffOnly("ok", "not_found"),
  },
  {
    action: "members.revokeInvite",
    input: async () => {
      const { tokenHash } = newInviteToken();
      const [row] = await t.db
        .insert(invites)
        .values({
          agencyId: ID.agencyA,
          tokenHash,
          email: "x@test.example",
          role: "client",
          clientId: ID.clientA1,
          invitedBy: PEOPLE.manager.userId,
          expiresAt: new Date(Date.now() + 86_400_000),
        })
        .returning({ id: invites.id });
      return { inviteId: row?.id };
    },
    expected: staffOnly("ok", "ok"),
  },
  {
    action: "members.revokeInvite",
    label: "someone else's invite",
    input: async () => {
      const { tokenHash } = newInviteToken();
      const [row] = await t.db
        .insert(invites)
        .values({
          agencyId: ID.agencyA,
          tokenHash,
          email: "y@test.example",
          role: "operator",
          invitedBy: PEOPLE.owner.userId,
          expiresAt: new Date(Date.now() + 86_400_000),
        })
        .returning({ id: invites.id });
      return { inviteId: row?.id };
    },
    expected: staffOnly("ok", "not_found"),
  },
  {
    action: "members.changeRole",
    input: async () => ({ membershipId: await freshOperator(), role: "manager" }),
    expected: staffOnly("ok", "not_found"),
  },
  {
    action: "members.remove",
    input: async () => ({ membershipId: await freshOperator() }),
    expected: staffOnly("ok", "not_found"),
  },
  {
    action: "members.endSessions",
    input: async () => ({ membershipId: await freshOperator() }),
    expected: staffOnly("ok", "not_found"),
  },
  {
    action: "economics.createLine",
    input: async () => ({ clientId: ID.clientA1, ...lineCells(`S${unique()}`) }),
    expected: staffOnly("ok", "ok"),
  },
  {
    action: "economics.updateLine",
    input: async () => {
      const line = await freshLine();
      return { clientId: ID.clientA1, id: line.id, version: line.version, ...lineCells(line.sku) };
    },
    expected: staffOnly("ok", "ok"),
  },
  {
    action: "economics.copyBase",
    input: async () => ({ clientId: ID.clientA1, channel: "rakuten", sku: (await freshLine()).sku }),
    expected: staffOnly("ok", "ok"),
  },
  {
    action: "economics.deleteLine",
    input: async () => ({ clientId: ID.clientA1, channel: "rakuten", sku: (await freshLine()).sku }),
    expected: staffOnly("ok", "ok"),
  },
  {
    action: "economics.previewImport",
    input: async () => ({ clientId: ID.clientA1, file: csvFile(`I${unique()}`) }),
    expected: staffOnly("ok", "ok"),
  },
  {
    action: "economics.import",
    input: async () => ({ clientId: ID.clientA1, file: csvFile(`I${unique()}`) }),
    expected: staffOnly("ok", "ok"),
  },
  {
    action: "contracts.create",
    input: async () => ({ clientId: ID.clientA1, title: "契約", document: sampleVersion(), note: "" }),
    expected: staffOnly("ok", "ok"),
  },
  {
    action: "contracts.copy",
    label: "another client's contract",
    input: async () => ({
      clientId: ID.clientA1,
      sourceContractId: (await freshContract(ID.clientA2)).id,
      title: "コピー",
    }),
    expected: staffOnly("ok", "ok"),
  },
  {
    action: "contracts.amend",
    input: async () => ({
      clientId: ID.clientA1,
      contractId: (await freshContract()).id,
      version: 1,
      document: sampleVersion(),
      note: "改定",
    }),
    expected: staffOnly("ok", "ok"),
  },
  {
    action: "contracts.activate",
    input: async () => ({ clientId: ID.clientA1, contractId: (await freshContract()).id, version: 1 }),
    expected: staffOnly("ok", "ok"),
  },
  {
    action: "contracts.terminate",
    input: async () => ({
      clientId: ID.clientA1,
      contractId: (await freshContract(ID.clientA1, "active")).id,
      version: 1,
    }),
    expected: staffOnly("ok", "ok"),
  },
  {
    action: "contracts.checklist",
    input: async () => {
      const c = await freshContract();
      return {
        clientId: ID.clientA1,
        contractId: c.id,
        versionId: c.versionId,
        item: 3,
        status: "confirmed",
        note: "確認",
      };
    },
    expected: staffOnly("ok", "ok"),
  },
  {
    action: "contracts.saveActuals",
    input: async () => ({
      clientId: ID.clientA1,
      contractId: (await freshContract()).id,
      month: "2026-05",
      version: 0,
      actuals: { sales: "4000000", orders: "800" },
    }),
    expected: staffOnly("ok", "ok"),
  },
  {
    // Operators enter their assigned clients' weeks; each call saves a week nobody saved yet.
    action: "kpis.saveWeek",
    input: async () => ({
      clientId: ID.clientA1,
      isoWeek: await freshKpiWeek(),
      version: 0,
      cells: [{ channel: "rakuten", measure: "orders", value: "120" }],
    }),
    expected: { ...staffOnly("ok", "ok"), operatorAssigned: "ok" },
  },
  {
    action: "week.saveHours",
    input: async () => ({ clientId: ID.clientA1, isoWeek: freshWeek(), hours: "1:30", version: 0 }),
    expected: { ...staffOnly("ok", "ok"), operatorAssigned: "ok" },
  },
  {
    // A preview answers every row, refusing by name a client the member may not enter.
    action: "kpis.previewImport",
    input: async () => ({ file: await kpiCsvFile() }),
    expected: { ...staffOnly("ok", "ok", "ok"), operatorAssigned: "ok", operatorUnassigned: "ok" },
  },
  {
    // An import with a refused row writes nothing and names it in a field error on the file.
    action: "kpis.import",
    input: async () => ({ file: await kpiCsvFile() }),
    expected: { ...staffOnly("ok", "ok", "invalid"), operatorAssigned: "ok", operatorUnassigned: "invalid" },
  },
  {
    action: "agency.invoiceSettings",
    input: async () => ({ invoiceRegistrationNumber: "T1234567890123" }),
    expected: staffOnly("ok", "not_found"),
  },
  // Agency margin (SPEC §2, §9): cost rates are agency settings (owners); direct costs owners and managers;
  // operators and client users get "not found" for every one.
  {
    action: "agency.profile",
    input: async () => ({
      name: "エージェンシーA",
      taxRounding: "floor",
      hiringTrigger1: "450000",
      hiringTrigger2: "600000",
      reportDeadlineBusinessDay: "5",
    }),
    expected: staffOnly("ok", "not_found"),
  },
  // Branding: the logo and the colours are agency settings (owners); everyone else gets "not found".
  {
    action: "branding.uploadLogo",
    input: async () => ({ file: pngFile() }),
    expected: staffOnly("ok", "not_found"),
  },
  {
    action: "branding.removeLogo",
    input: async () => {
      const sha256 = randomBytes(32).toString("hex");
      const values = {
        contentType: "image/png",
        data: Buffer.from(PNG_1X1).toString("base64"),
        size: PNG_1X1.length,
        sha256,
      };
      await t.db
        .insert(agencyLogos)
        .values({ agencyId: ID.agencyA, ...values })
        .onConflictDoUpdate({ target: agencyLogos.agencyId, set: values });
      return { sha256 };
    },
    expected: staffOnly("ok", "not_found"),
  },
  {
    action: "branding.color",
    input: async () => ({ color: "#1E40AF" }),
    expected: staffOnly("ok", "not_found"),
  },
  {
    action: "branding.clientColor",
    input: async () => ({ clientId: ID.clientA1, color: "#e11d48" }),
    expected: staffOnly("ok", "not_found"),
  },
  {
    action: "agency.verdictDefaults",
    input: async () => ({ maxTacosBp: "20", stopCpaWeeks: "" }),
    expected: staffOnly("ok", "not_found"),
  },
  {
    action: "margins.addCostRate",
    input: async () => ({
      target: "role:operator",
      yenPerHour: "3500",
      effectiveFrom: freshDay(2030),
    }),
    expected: staffOnly("ok", "not_found"),
  },
  {
    action: "margins.addCostRate",
    label: "a person's own rate",
    input: async () => ({
      target: `member:${PEOPLE.operatorAssigned.membershipId}`,
      yenPerHour: "4000",
      effectiveFrom: freshDay(2031),
    }),
    expected: staffOnly("ok", "not_found"),
  },
  {
    action: "margins.deleteCostRate",
    input: async () => {
      const [row] = await t.db
        .insert(costRates)
        .values({ agencyId: ID.agencyA, role: "manager", yenPerHour: 5000, effectiveFrom: freshDay(2040) })
        .onConflictDoNothing()
        .returning({ id: costRates.id });
      return { id: row?.id ?? "11111111-1111-4111-8111-111111111111" };
    },
    expected: staffOnly("ok", "not_found"),
  },
  {
    action: "margins.addDirectCost",
    input: async () => ({ clientId: (await freshClient()).id, month: "2026-03", label: "撮影外注", amount: "50000" }),
    expected: staffOnly("ok", "ok"),
  },
  {
    action: "margins.deleteDirectCost",
    input: async () => {
      const client = await freshClient();
      const [row] = await t.db
        .insert(directCosts)
        .values({ agencyId: ID.agencyA, clientId: client.id, month: "2026-03", label: "ツール", amount: 9800 })
        .returning({ id: directCosts.id });
      return { clientId: client.id, id: row?.id };
    },
    expected: staffOnly("ok", "ok"),
  },
  {
    action: "kpis.savePlan",
    input: async () => ({ ...planInput(), clientId: (await freshClient()).id, version: 0 }),
    expected: staffOnly("ok", "ok"),
  },
  {
    action: "kpis.saveTargets",
    input: async () => {
      const clientId = await freshPlan();
      return { clientId, year: 2026, version: 1, targets: { sales: Array(12).fill("¥1,000,000") } };
    },
    expected: staffOnly("ok", "ok"),
  },
  {
    action: "kpis.copyTargets",
    input: async () => ({ clientId: await freshPlan(), year: 2026, version: 1 }),
    expected: staffOnly("ok", "ok"),
  },
  {
    action: "reports.generate",
    input: async () => ({ clientId: ID.clientA1, month: freshMonth() }),
    expected: staffOnly("ok", "ok"),
  },
  // Another agency's manager generates their own agency's month (of its own clients only).
  {
    action: "reports.bulkGenerate",
    input: async () => ({ month: freshMonth() }),
    expected: staffOnly("ok", "ok", "ok"),
  },
  {
    action: "reports.retryRun",
    input: async () => ({
      runId: await withTenant(t.db, ID.agencyA, (tx) =>
        createRun(tx, {
          agencyId: ID.agencyA,
          month: freshMonth(),
          createdBy: PEOPLE.manager.userId,
          clientIds: [ID.clientA1],
        }),
      ),
    }),
    expected: staffOnly("ok", "ok"),
  },
  {
    // Operators write the draft commentary of their assigned clients (SPEC §2).
    action: "reports.commentary",
    input: async () => ({
      reportId: await freshDraft(),
      version: 1,
      wentWell: "CVRが改善",
      issues: "在庫切れ",
      proposals: "",
      nextMonthPlan: "広告の見直し",
    }),
    expected: { ...staffOnly("ok", "ok"), operatorAssigned: "ok" },
  },
  {
    action: "reports.publish",
    input: async () => ({ reportId: await freshDraft(), version: 1 }),
    expected: staffOnly("ok", "ok"),
  },
  {
    action: "reports.bulkPublish",
    input: async () => ({ items: [{ reportId: await freshDraft(), version: 1 }] }),
    expected: staffOnly("ok", "ok"),
  },
];

/** The KPI plan editor's input: two KPIs, a cadence, one threshold changed. */
function planInput() {
  return {
    reviewCadence: "weekly",
    thirdPartyAudit: "no",
    items: [
      { kpi: "sales", tier: "surface", direction: "higher", dataSource: "楽天RMS", thirdPartyAudited: false },
      { kpi: "cvr", tier: "surface", direction: "higher", dataSource: "RMSデータ分析", thirdPartyAudited: false },
    ],
    verdictSettings: { maxTacosBp: "15" },
    returnRateBaseline: "1.5",
  };
}

/** A fresh client of agency A with a KPI plan at version 1 and last year's sales targets. */
async function freshPlan() {
  const { id } = await freshClient();
  await saveKpiPlan(t.db, {
    agencyId: ID.agencyA,
    clientId: id,
    version: 0,
    plan: {
      reviewCadence: "monthly",
      thirdPartyAudit: null,
      verdictSettings: {},
      returnRateBaselineBp: null,
      items: [{ kpi: "sales", tier: "surface", direction: "higher", dataSource: "", thirdPartyAudited: false }],
    },
  });
  await replaceKpiTargets(t.db, {
    agencyId: ID.agencyA,
    clientId: id,
    fromMonth: "2025-01",
    toMonth: "2025-12",
    targets: [{ kpi: "sales", month: "2025-04", target: 900_000 }],
  });
  return id;
}

let kpiWeeksUsed = 0;

/** An ISO week client A1 has not saved yet; the first call also gives A1 a KPI plan that asks for orders. */
async function freshKpiWeek() {
  if (kpiWeeksUsed === 0) {
    await saveKpiPlan(t.db, {
      agencyId: ID.agencyA,
      clientId: ID.clientA1,
      version: 0,
      plan: {
        reviewCadence: "weekly",
        thirdPartyAudit: null,
        verdictSettings: {},
        returnRateBaselineBp: null,
        items: [{ kpi: "orders", tier: "surface", direction: "higher", dataSource: "RMS", thirdPartyAudited: false }],
      },
    });
  }
  kpiWeeksUsed++;
  return `2024-W${String(kpiWeeksUsed).padStart(2, "0")}`;
}

let weekCounter = 0;
/** A week no earlier hours case used (hours start at version 0). */
const freshWeek = () => `2027-W${String((weekCounter++ % 52) + 1).padStart(2, "0")}`;

/** A CSV of one A1 week nobody saved yet (A1's plan asks for orders). */
async function kpiCsvFile() {
  return new File([`client_code,iso_week,channel,orders\nA1,${await freshKpiWeek()},rakuten,7\n`], "kpis.csv", {
    type: "text/csv",
  });
}

let months = 0;
/** A month no other case has used: every call makes its own draft. */
function freshMonth() {
  const n = months++;
  return `${2040 + Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, "0")}`;
}

/** A draft report of agency A's client A1 (the assigned operator's client), at version 1. */
async function freshDraft() {
  const draft = await withTenant(t.db, ID.agencyA, (tx) =>
    ensureDraft(tx, {
      agencyId: ID.agencyA,
      clientId: ID.clientA1,
      month: freshMonth(),
      commentary: emptyCommentary(),
      createdBy: null,
    }),
  );
  return draft.id;
}

/** A contract of agency A (as the database owner), at version 1. */
async function freshContract(clientId: string = ID.clientA1, status: "draft" | "active" = "draft") {
  const created = await insertContract(t.db, {
    agencyId: ID.agencyA,
    clientId,
    title: `契約${unique()}`,
    document: sampleVersion(),
    note: "",
    createdBy: PEOPLE.owner.userId,
  });
  if (status !== "draft") await t.db.update(contracts).set({ status }).where(eq(contracts.id, created.id));
  return created;
}

/** The article's case B as form cells. */
function lineCells(sku: string) {
  return {
    channel: "rakuten",
    sku,
    aov: "5500",
    gross_margin_rate: "50",
    fee_rate: "12",
    points_rate: "5",
    shipping: "600",
    packaging: "60",
    return_loss: "60",
    ad_mode: "cpa",
    cpa: "600",
    target_contribution: "1000",
    monthly_orders: "900",
  };
}

function csvFile(sku: string) {
  const header =
    "channel,sku,scenario,aov,gross_margin_rate,fee_rate,points_rate,shipping,packaging,return_loss,ad_mode,cpa";
  return new File([`${header}\nrakuten,${sku},base,5500,50,12,5,600,60,60,cpa,600\n`], "pl.csv", { type: "text/csv" });
}

async function freshLine() {
  const sku = `L${unique()}`;
  const base = {
    agencyId: ID.agencyA,
    clientId: ID.clientA1,
    channel: "rakuten" as const,
    sku,
    adMode: "cpa" as const,
    feeRateBp: 1200,
  };
  const [row] = await t.db
    .insert(plLines)
    .values({ ...base, scenario: "base", aov: 5500, grossMarginBp: 5000, cpa: 600 })
    .returning({ id: plLines.id, version: plLines.version });
  await t.db.insert(plLines).values([
    { ...base, scenario: "pessimistic", aov: 5000, grossMarginBp: 4500, cpa: 700 },
    { ...base, scenario: "optimistic", aov: 6000, grossMarginBp: 5200, cpa: 550 },
  ]);
  if (!row) throw new Error("no row");
  return { ...row, sku };
}

let actions: Map<string, AnyAction>;

beforeAll(async () => {
  t = await useTestDatabase();
  await seedFixtures(t, await hashPassword(FIXTURE_PASSWORD));
  actions = await loadAllActions();
});

afterAll(async () => {
  await t?.close();
});

describe("authorisation matrix", () => {
  it("has a row for every server action", () => {
    const covered = new Set(CASES.map((c) => c.action));
    expect([...actions.keys()].filter((name) => !covered.has(name))).toEqual([]);
  });

  for (const c of CASES) {
    for (const principal of PRINCIPALS) {
      const expected = c.expected[principal];
      it(`${c.action}${c.label ? ` (${c.label})` : ""} as ${principal} → ${expected}`, async () => {
        const action = actions.get(c.action);
        if (!action) throw new Error(`no action ${c.action}`);
        const input = await c.input();
        const before = await snapshot(t.db);
        const audits = await auditCount(t.db);
        signInAs(principal);
        const result = await action(null, input);
        const outcome = result.ok ? "ok" : result.code;
        expect(outcome, JSON.stringify(result)).toBe(expected);
        if (expected === "ok" && action.readOnly) {
          expect(await snapshot(t.db)).toEqual(before);
        } else if (expected === "ok") {
          expect(await auditCount(t.db)).toBe(audits + 1);
        } else {
          expect(await snapshot(t.db)).toEqual(before);
        }
      });
    }
  }
});

describe("sessions follow the database", () => {
  it("a removed member's next request is refused (removed from their last agency, they are signed out)", async () => {
    const membershipId = await freshOperator();
    const [row] = await t.db
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(eq(memberships.id, membershipId));
    const userId = row?.userId ?? "";
    const { changeRole } = await import("@/app/(app)/members/actions");
    // Promote, act as them, then remove them: the same session then gets nothing.
    signInAs("owner");
    expect((await changeRole(null, { membershipId, role: "manager" })).ok).toBe(true);
    const { createClient } = await import("@/app/(app)/clients/actions");
    const sessionId = await createSession(t.db, { userId, address: null, userAgent: null });
    const session = { userId, sessionId, sessionVersion: 1, agencyId: ID.agencyA };
    signInAs("owner", session);
    expect((await createClient(null, clientInput())).ok).toBe(true);
    signInAs("owner");
    const { removeMember } = await import("@/app/(app)/members/actions");
    expect((await removeMember(null, { membershipId })).ok).toBe(true);
    signInAs("owner", session);
    const after = await createClient(null, clientInput());
    expect(after.ok ? "ok" : after.code).toBe("unauthenticated");
  });

  it("a role change takes effect on the next request", async () => {
    const membershipId = await freshOperator();
    const [row] = await t.db
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(eq(memberships.id, membershipId));
    const userId = row?.userId ?? "";
    const sessionId = await createSession(t.db, { userId, address: null, userAgent: null });
    const session = { userId, sessionId, sessionVersion: 1, agencyId: ID.agencyA };
    const { createClient } = await import("@/app/(app)/clients/actions");
    const { changeRole } = await import("@/app/(app)/members/actions");
    signInAs("owner", session);
    const denied = await createClient(null, clientInput());
    expect(denied.ok ? "ok" : denied.code).toBe("not_found");
    signInAs("owner");
    expect((await changeRole(null, { membershipId, role: "manager" })).ok).toBe(true);
    signInAs("owner", session);
    expect((await createClient(null, clientInput())).ok).toBe(true);
  });

  it("a session from before a password change is no longer valid", async () => {
    const { createClient } = await import("@/app/(app)/clients/actions");
    await t.db.update(users).set({ sessionVersion: 2 }).where(eq(users.id, PEOPLE.owner.userId));
    signInAs("owner", { sessionVersion: 1 });
    const stale = await createClient(null, clientInput());
    expect(stale.ok ? "ok" : stale.code).toBe("unauthenticated");
    signInAs("owner", { sessionVersion: 2 });
    expect((await createClient(null, clientInput())).ok).toBe(true);
    await t.db.update(users).set({ sessionVersion: 1 }).where(eq(users.id, PEOPLE.owner.userId));
  });

  it("the last owner can be neither demoted nor removed", async () => {
    const { changeRole, removeMember } = await import("@/app/(app)/members/actions");
    signInAs("owner");
    const before = await snapshot(t.db);
    const demote = await changeRole(null, { membershipId: PEOPLE.owner.membershipId, role: "manager" });
    expect(demote.ok ? "ok" : demote.code).toBe("invalid");
    const remove = await removeMember(null, { membershipId: PEOPLE.owner.membershipId });
    expect(remove.ok ? "ok" : remove.code).toBe("invalid");
    expect(await snapshot(t.db)).toEqual(before);
  });
});
