import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { generateReport, publishReport } from "@/app/(app)/reports/actions";
import { monthlyReports } from "@/db/schema";
import type { TestDatabase } from "@/db/testing";
import type { ActionResult } from "@/lib/actions/safe-action";
import { hashPassword } from "@/lib/auth/password";
import { FIXTURE_PASSWORD, ID, seedFixtures, signInAs, useTestDatabase } from "./fixtures";

// With SMTP configured, publishing a report mails the client's users (and nobody else), after the
// publication commits; a correction says so in the subject.

const sent = vi.hoisted(() => [] as { to: string; subject: string; text: string }[]);
vi.mock("@/lib/auth/session", async () => (await import("./fixtures")).sessionModuleMock());
vi.mock("@/lib/mail", () => ({
  mailConfigured: () => true,
  sendMailIfConfigured: vi.fn(async (message: { to: string; subject: string; text: string }) => {
    sent.push(message);
    return true;
  }),
}));

let t: TestDatabase;

beforeAll(async () => {
  t = await useTestDatabase();
  await seedFixtures(t, await hashPassword(FIXTURE_PASSWORD));
});

afterAll(async () => {
  await t?.close();
});

function data<T>(result: ActionResult<T>): T {
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.data;
}

async function versionOf(reportId: string) {
  const [row] = await t.db
    .select({ version: monthlyReports.version })
    .from(monthlyReports)
    .where(eq(monthlyReports.id, reportId));
  return row?.version ?? 0;
}

describe("mail on publication", () => {
  it("mails the client's users a link to the report, and a correction says so", async () => {
    signInAs("manager");
    const draft = data(await generateReport(null, { clientId: ID.clientA1, month: "2026-05" }));
    data(await publishReport(null, { reportId: draft.id, version: await versionOf(draft.id) }));
    expect(sent.map((m) => m.to)).toEqual(["clientuser@test.example"]);
    expect(sent[0]?.subject).toContain("A社1");
    expect(sent[0]?.subject).toContain("2026-05");
    expect(sent[0]?.text).toContain("/portal/reports/2026-05");

    data(await publishReport(null, { reportId: draft.id, version: await versionOf(draft.id) }));
    expect(sent).toHaveLength(2);
    expect(sent[1]?.subject).toContain("第2版");
  });

  it("mails nobody when the publication fails", async () => {
    signInAs("manager");
    const draft = data(await generateReport(null, { clientId: ID.clientA2, month: "2026-05" }));
    const before = sent.length;
    const stale = await publishReport(null, { reportId: draft.id, version: (await versionOf(draft.id)) + 7 });
    expect(stale.ok).toBe(false);
    expect(sent).toHaveLength(before);
  });
});
