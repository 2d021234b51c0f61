import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConflictError } from "@/db/errors";
import { amendContract, insertContract } from "@/db/queries/contracts";
import { saveKpiPlan, saveKpiWeek } from "@/db/queries/kpis";
import {
  createRun,
  ensureDraft,
  findReport,
  getRevisionOrThrow,
  listRevisions,
  runProgress,
} from "@/db/queries/reports";
import { clients, contracts, monthlyReports, reportRevisions } from "@/db/schema";
import { withTenant } from "@/db/tenant";
import type { TestDatabase } from "@/db/testing";
import { hashPassword } from "@/lib/auth/password";
import { sampleVersion } from "@/lib/domain/contract-fixtures";
import { diffSnapshots, parseSnapshot } from "@/lib/domain/report";
import { emptyCommentary } from "@/lib/domain/report-commentary";
import { inProcessQueue } from "@/lib/jobs/queue";
import { generateDraft, publish, REPORT_JOB, resumePendingRuns, runReportJob } from "@/lib/reports/service";
import { FIXTURE_PASSWORD, ID, PEOPLE, seedFixtures, useTestDatabase } from "./fixtures";

// Monthly reports against a real database (PGlite, or Postgres with DATABASE_URL): drafts are unique per
// client and month, a published revision never changes, a correction adds one, two publications of one
// draft make one revision, and a bulk run stopped half-way and resumed ends with one draft per client.

let t: TestDatabase;
const A = ID.agencyA;
const MONTH = "2026-04";
const manager = PEOPLE.manager.userId;
let contractId = "";

const tenant = <T>(fn: Parameters<typeof withTenant<T>>[2]) => withTenant(t.db, A, fn);

async function saveWeek(isoWeek: string, weekStart: string, revenue: number, orders: number, version = 0) {
  return tenant((tx) =>
    saveKpiWeek(tx, {
      agencyId: A,
      clientId: ID.clientA1,
      isoWeek,
      weekStart,
      month: MONTH,
      version,
      userId: manager,
      cells: [
        { channel: "rakuten", measure: "revenue", value: revenue },
        { channel: "rakuten", measure: "orders", value: orders },
      ],
    }),
  );
}

async function reportOf(clientId: string, month = MONTH) {
  return tenant((tx) => findReport(tx, { agencyId: A, clientId, month, scope: { kind: "all" } }));
}

async function storedSnapshotText(reportId: string, revision: number): Promise<string> {
  const row = await tenant((tx) => getRevisionOrThrow(tx, { agencyId: A, reportId, revision }));
  return JSON.stringify(row.snapshot);
}

beforeAll(async () => {
  t = await useTestDatabase();
  await seedFixtures(t, await hashPassword(FIXTURE_PASSWORD));
  await tenant((tx) =>
    saveKpiPlan(tx, {
      agencyId: A,
      clientId: ID.clientA1,
      version: 0,
      plan: {
        reviewCadence: "monthly",
        thirdPartyAudit: false,
        verdictSettings: {},
        returnRateBaselineBp: null,
        items: [
          { kpi: "sales", tier: "surface", direction: "higher", dataSource: "RMS", thirdPartyAudited: false },
          { kpi: "aov", tier: "surface", direction: "higher", dataSource: "RMS", thirdPartyAudited: false },
        ],
      },
    }),
  );
  await saveWeek("2026-W14", "2026-03-30", 1_000_000, 200);
  await saveWeek("2026-W15", "2026-04-06", 1_500_000, 250);
  const created = await insertContract(t.db, {
    agencyId: A,
    clientId: ID.clientA1,
    title: "運営代行契約",
    document: sampleVersion(),
    note: "",
    createdBy: PEOPLE.owner.userId,
  });
  await t.db.update(contracts).set({ status: "active" }).where(eq(contracts.id, created.id));
  contractId = created.id;
});

afterAll(async () => {
  await t?.close();
});

describe("drafts", () => {
  it("makes one draft per client and month, however often it is asked", async () => {
    const first = await tenant((tx) =>
      generateDraft(tx, { agencyId: A, clientId: ID.clientA1, month: MONTH, actorUserId: manager }),
    );
    const again = await tenant((tx) =>
      generateDraft(tx, { agencyId: A, clientId: ID.clientA1, month: MONTH, actorUserId: manager }),
    );
    expect(first.created).toBe(true);
    expect(again).toEqual({ id: first.id, created: false });
    const [count] = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(monthlyReports)
      .where(and(eq(monthlyReports.clientId, ID.clientA1), eq(monthlyReports.month, MONTH)));
    expect(count?.n).toBe(1);
  });
});

describe("publishing", () => {
  it("freezes the snapshot: changing a KPI and the contract afterwards leaves revision 1 byte-identical", async () => {
    const report = await reportOf(ID.clientA1);
    if (!report) throw new Error("no report");
    const published = await tenant((tx) =>
      publish(tx, { agencyId: A, reportId: report.id, version: report.version, actorUserId: manager }),
    );
    expect(published.revision).toBe(1);
    const snapshot = parseSnapshot(published.snapshot);
    expect(snapshot.kpis.find((k) => k.kpi === "sales")?.actual).toBe(2_500_000);
    expect(snapshot.kpis.find((k) => k.kpi === "aov")?.actual).toBe(5_556);
    expect(snapshot.invoice.kind).toBe("invoice");
    const before = await storedSnapshotText(report.id, 1);

    // A KPI changes and the contract is amended after publication.
    await saveWeek("2026-W15", "2026-04-06", 9_000_000, 900, 1);
    const amended = sampleVersion();
    amended.fees.monthlyFeeLines = [{ label: "運営費（改定）", amount: 999_000 }];
    await tenant((tx) =>
      amendContract(tx, {
        agencyId: A,
        contractId,
        version: 1,
        document: amended,
        note: "改定",
        effectiveMonth: MONTH,
        createdBy: manager,
      }),
    );

    expect(await storedSnapshotText(report.id, 1)).toBe(before);
    expect(parseSnapshot(JSON.parse(before))).toEqual(snapshot);
  });

  it("a correction makes revision 2 with today's figures and keeps revision 1 readable", async () => {
    const report = await reportOf(ID.clientA1);
    if (!report) throw new Error("no report");
    const revision1 = await storedSnapshotText(report.id, 1);
    const second = await tenant((tx) =>
      publish(tx, { agencyId: A, reportId: report.id, version: report.version, actorUserId: manager }),
    );
    expect(second.revision).toBe(2);
    const revisions = await tenant((tx) => listRevisions(tx, { agencyId: A, reportId: report.id }));
    expect(revisions.map((r) => r.revision)).toEqual([2, 1]);
    expect(await storedSnapshotText(report.id, 1)).toBe(revision1);
    const diff = diffSnapshots(parseSnapshot(JSON.parse(revision1)), second.snapshot);
    expect(diff.some((row) => row.path === "kpis.0.actual" && row.right === "10000000")).toBe(true);
    expect(diff.some((row) => row.path.startsWith("invoice."))).toBe(true);
  });

  it("refuses to change a stored revision", async () => {
    await expect(
      t.db.update(reportRevisions).set({ schemaVersion: 99 }).where(eq(reportRevisions.revision, 1)),
    ).rejects.toThrow();
  });

  it("two managers publishing the same draft at once make one revision; the other gets a conflict", async () => {
    const draft = await tenant((tx) =>
      generateDraft(tx, { agencyId: A, clientId: ID.clientA2, month: MONTH, actorUserId: manager }),
    );
    const report = await reportOf(ID.clientA2);
    if (!report) throw new Error("no report");
    const attempt = () =>
      tenant((tx) => publish(tx, { agencyId: A, reportId: draft.id, version: report.version, actorUserId: manager }));
    const outcomes = await Promise.allSettled([attempt(), attempt()]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const rejected = outcomes.find((o) => o.status === "rejected");
    expect(rejected?.status === "rejected" && rejected.reason).toBeInstanceOf(ConflictError);
    const revisions = await tenant((tx) => listRevisions(tx, { agencyId: A, reportId: draft.id }));
    expect(revisions).toHaveLength(1);
  });
});

describe("bulk runs", () => {
  it("a run stopped half-way and resumed ends with exactly one draft per client", async () => {
    const month = "2026-05";
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      const [row] = await t.db
        .insert(clients)
        .values({
          agencyId: A,
          name: `一括${i}`,
          code: `BULK${i}`,
          serviceModel: "full",
          channels: ["rakuten"],
          status: "active",
        })
        .returning({ id: clients.id });
      if (row) ids.push(row.id);
    }
    const runId = await tenant((tx) => createRun(tx, { agencyId: A, month, createdBy: manager, clientIds: ids }));
    const first = inProcessQueue({ autoRun: false });
    await first.work(REPORT_JOB, (data) => runReportJob(data, t.db));
    await first.send(
      REPORT_JOB,
      ids.map((clientId) => ({ agencyId: A, runId, clientId })),
    );
    await first.run(2);
    // The server dies while the third job has made its draft but not yet marked its item done.
    await tenant((tx) =>
      ensureDraft(tx, {
        agencyId: A,
        clientId: ids[2] ?? "",
        month,
        commentary: emptyCommentary(),
        createdBy: manager,
      }),
    );
    await first.stop();
    const half = await tenant((tx) => runProgress(tx, { agencyId: A, runId }));
    expect(half).toMatchObject({ total: 6, done: 2, pending: 4 });

    const second = inProcessQueue({ autoRun: false });
    await second.work(REPORT_JOB, (data) => runReportJob(data, t.db));
    expect(await resumePendingRuns(second, t.db)).toBe(4);
    await second.drain();

    const done = await tenant((tx) => runProgress(tx, { agencyId: A, runId }));
    expect(done).toMatchObject({ total: 6, done: 6, pending: 0, failed: [] });
    for (const clientId of ids) {
      const [count] = await t.db
        .select({ n: sql<number>`count(*)::int` })
        .from(monthlyReports)
        .where(and(eq(monthlyReports.clientId, clientId), eq(monthlyReports.month, month)));
      expect(count?.n).toBe(1);
    }
  });
});
