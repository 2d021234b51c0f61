// Branding against a real database (PGlite, or Postgres with DATABASE_URL): the logo's bytes come back as
// stored on both drivers, a removal names the logo it removes, a client's colour overrides the agency's,
// and another agency sees none of it (row-level security).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { updateAgencySettings } from "@/db/queries/agency";
import { deleteLogo, getLogo, getLogoMeta, listClientColors, saveLogo, setClientColor } from "@/db/queries/branding";
import { withTenant } from "@/db/tenant";
import type { TestDatabase } from "@/db/testing";
import { hashPassword } from "@/lib/auth/password";
import { loadBranding, logoUrl } from "@/lib/branding/load";
import { checkLogo, sha256Hex } from "@/lib/branding/logo";
import { buildReportSnapshot } from "@/lib/domain/report";
import { renderReportPdf } from "@/lib/reports/pdf";
import { PNG_1X1, SIMPLE_SVG } from "./branding-fixtures";
import { FIXTURE_PASSWORD, ID, seedFixtures, useTestDatabase } from "./fixtures";

let t: TestDatabase;
const A = ID.agencyA;

beforeAll(async () => {
  t = await useTestDatabase();
  await seedFixtures(t, await hashPassword(FIXTURE_PASSWORD));
});

afterAll(async () => {
  await t?.close();
});

describe(`branding (${process.env.DATABASE_URL ? "postgres" : "pglite"})`, () => {
  it("stores a logo and gives back its exact bytes; a new one replaces it; removal names the one it removes", async () => {
    const png = PNG_1X1;
    const svg = new TextEncoder().encode(SIMPLE_SVG);
    expect(checkLogo(png)).toEqual({ ok: true, contentType: "image/png" });
    const pngHash = await sha256Hex(png);
    const svgHash = await sha256Hex(svg);
    await withTenant(t.db, A, async (tx) => {
      expect(await saveLogo(tx, { agencyId: A, contentType: "image/png", bytes: png, sha256: pngHash })).toBeNull();
      const stored = await getLogo(tx, { agencyId: A });
      expect(stored?.contentType).toBe("image/png");
      expect(new Uint8Array(stored?.bytes ?? [])).toEqual(png);
      const before = await saveLogo(tx, { agencyId: A, contentType: "image/svg+xml", bytes: svg, sha256: svgHash });
      expect(before).toMatchObject({ contentType: "image/png", size: png.length, sha256: pngHash });
      expect(new TextDecoder().decode((await getLogo(tx, { agencyId: A }))?.bytes)).toBe(SIMPLE_SVG);
      expect(await deleteLogo(tx, { agencyId: A, sha256: pngHash })).toBe(false);
      expect(await getLogoMeta(tx, { agencyId: A })).toMatchObject({ sha256: svgHash });
    });
    // Another agency: nothing of it, and its own removal touches nothing.
    await withTenant(t.db, ID.agencyB, async (tx) => {
      expect(await getLogo(tx, { agencyId: A })).toBeNull();
      expect(await deleteLogo(tx, { agencyId: A, sha256: svgHash })).toBe(false);
    });
    await withTenant(t.db, A, async (tx) => {
      expect(await deleteLogo(tx, { agencyId: A, sha256: svgHash })).toBe(true);
      expect(await getLogo(tx, { agencyId: A })).toBeNull();
    });
  });

  it("a client's colour overrides the agency's; removing it falls back", async () => {
    await withTenant(t.db, A, async (tx) => {
      await updateAgencySettings(tx, { agencyId: A, changes: { brandColor: "#1e40af" } });
      expect((await loadBranding(tx, { agencyId: A, clientId: ID.clientA1 })).color).toBe("#1e40af");
      expect(await setClientColor(tx, { agencyId: A, clientId: ID.clientA1, color: "#e11d48" })).toBeNull();
      expect((await loadBranding(tx, { agencyId: A, clientId: ID.clientA1 })).color).toBe("#e11d48");
      expect((await loadBranding(tx, { agencyId: A })).color).toBe("#1e40af");
      expect(await listClientColors(tx, { agencyId: A })).toEqual([
        { clientId: ID.clientA1, color: "#e11d48", name: "A社1" },
      ]);
      expect(await setClientColor(tx, { agencyId: A, clientId: ID.clientA1, color: null })).toBe("#e11d48");
      expect((await loadBranding(tx, { agencyId: A, clientId: ID.clientA1 })).color).toBe("#1e40af");
    });
    await withTenant(t.db, ID.agencyB, async (tx) => {
      expect(await listClientColors(tx, { agencyId: A })).toEqual([]);
    });
  });

  it("refuses a colour that is not #rrggbb in the database too", async () => {
    await expect(
      withTenant(t.db, A, (tx) => setClientColor(tx, { agencyId: A, clientId: ID.clientA1, color: "red" })),
    ).rejects.toThrow();
  });

  it("the logo's URL carries its version", () => {
    expect(logoUrl("ab".repeat(32))).toBe(`/branding/logo?v=${"ab".repeat(8)}`);
  });
});

describe("the report PDF", () => {
  it("draws the agency's PNG logo on its first page, and nothing without one", async () => {
    const snapshot = buildReportSnapshot({
      month: "2026-04",
      generatedAt: "2026-05-07T01:00:00.000Z",
      client: { id: "c1", name: "さくら商店", code: "SAKURA" },
      agencyName: "テスト代行",
      kpis: [],
      trends: { weeks: [], months: [], series: [] },
      channels: [],
      contribution: null,
      lines: [],
      verdict: null,
      sla: null,
      previousReport: { month: "2026-03", deadline: "2026-04-07", publishedOn: "2026-04-03", outcome: "met" },
      invoice: null,
      commentary: { wentWell: "", issues: "", proposals: "", nextMonthPlan: "" },
    });
    const images = (pdf: Buffer) => pdf.toString("latin1").match(/\/Subtype\s*\/Image/g)?.length ?? 0;
    expect(images(await renderReportPdf(snapshot, "ja"))).toBe(0);
    // The image, and its alpha channel as a soft mask.
    expect(images(await renderReportPdf(snapshot, "ja", { logoPng: Buffer.from(PNG_1X1) }))).toBeGreaterThan(0);
  });
});
