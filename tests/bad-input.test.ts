import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { z } from "zod";
import {
  addCostRate,
  removeCostRate,
  removeLogo,
  saveAgencyProfile,
  saveBrandColor,
  saveClientColor,
  saveInvoiceSettings,
  saveVerdictDefaults,
  uploadLogo,
} from "@/app/(app)/agency-settings/actions";
import {
  activateContract,
  amendContract,
  copyContract,
  createContract,
  decideChecklistItem,
  saveActuals,
  terminateContract,
} from "@/app/(app)/clients/[id]/contracts/actions";
import {
  copyBaseToScenarios,
  createPlLine,
  deletePlLine,
  previewPlImport,
  updatePlLine,
} from "@/app/(app)/clients/[id]/economics/actions";
import { saveWeek } from "@/app/(app)/clients/[id]/kpis/entry/actions";
import { copyKpiTargets, saveKpiPlanAction, saveKpiTargets } from "@/app/(app)/clients/[id]/kpis/plan/actions";
import { addDirectCost, removeDirectCost } from "@/app/(app)/clients/[id]/margin/actions";
import { createClient, endClient, updateClient } from "@/app/(app)/clients/actions";
import { changeRole, inviteMember, removeMember, revokeInvite } from "@/app/(app)/members/actions";
import {
  bulkGenerateReports,
  bulkPublishReports,
  generateReport,
  publishReport,
  retryReportRun,
  saveReportCommentary,
} from "@/app/(app)/reports/actions";
import { importKpis, previewKpiImport, saveHours } from "@/app/(app)/week/actions";
import { createAgencyWithOwner, requestSignUp } from "@/app/(auth)/signup/create-agency";
import { acceptInvite } from "@/app/invite/[token]/accept-invite";
import type { TestDatabase } from "@/db/testing";
import type { ActionResult } from "@/lib/actions/safe-action";
import { hashPassword } from "@/lib/auth/password";
import { sampleVersion } from "@/lib/domain/contract-fixtures";
import { acceptInviteSchema, confirmSignUpSchema, signUpSchema } from "@/lib/schemas/account";
import { brandColorSchema, clientColorSchema, removeLogoSchema, uploadLogoSchema } from "@/lib/schemas/branding";
import { createClientSchema, endClientSchema, updateClientSchema } from "@/lib/schemas/client";
import {
  agencyInvoiceSettingsSchema,
  amendContractSchema,
  checklistItemSchema,
  contractStatusSchema,
  copyContractSchema,
  createContractSchema,
  saveActualsSchema,
} from "@/lib/schemas/contracts";
import { createPlLineSchema, plImportSchema, plLineKeySchema, updatePlLineSchema } from "@/lib/schemas/economics";
import { copyTargetsSchema, savePlanSchema, saveTargetsSchema } from "@/lib/schemas/kpi-plan";
import { saveWeekSchema } from "@/lib/schemas/kpis";
import {
  addCostRateSchema,
  addDirectCostSchema,
  agencyProfileSchema,
  agencyVerdictDefaultsSchema,
  deleteCostRateSchema,
  deleteDirectCostSchema,
} from "@/lib/schemas/margins";
import { changeRoleSchema, inviteSchema, removeMemberSchema, revokeInviteSchema } from "@/lib/schemas/member";
import {
  bulkGenerateSchema,
  bulkPublishSchema,
  commentarySchema,
  generateReportSchema,
  publishReportSchema,
  retryRunSchema,
} from "@/lib/schemas/reports";
import { kpiImportSchema, saveHoursSchema } from "@/lib/schemas/week";
import { pngFile } from "./branding-fixtures";
import { snapshot } from "./db-state";
import { FIXTURE_PASSWORD, ID, PEOPLE, seedFixtures, signInAs, useTestDatabase } from "./fixtures";

vi.mock("@/lib/auth/session", async () => (await import("./fixtures")).sessionModuleMock());

let t: TestDatabase;

beforeAll(async () => {
  t = await useTestDatabase();
  await seedFixtures(t, await hashPassword(FIXTURE_PASSWORD));
  signInAs("owner");
});

afterAll(async () => {
  await t?.close();
});

/** Text that must never be stored: NUL, other C0/C1 controls, line breaks in one-line fields, bidi controls. */
const CONTROL_OR_BIDI = [
  "\u0000",
  "名前\u0000",
  "bell\u0007",
  "esc\u001b[31m",
  "next\u0085line",
  "del\u007f",
  "line\nbreak",
  "\u202eevil.exe",
  "left\u2066isolate",
];
/** Text that looks like nothing: reads as empty. */
const INVISIBLE_ONLY = ["\u200b\u200b", " \u3000\u200d\ufeff "];

/** The hand-picked kinds of bad value the issue names, plus a few more shapes. */
const HAND_PICKED: unknown[] = [
  "",
  " ",
  "x".repeat(5_000),
  42,
  -1,
  -999_999_999,
  1.5,
  true,
  null,
  {},
  [],
  ["a", "b"],
  "'; drop table clients; --",
  "1 OR 1=1",
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "unknown_enum_value",
  "00000000-0000-0000-0000-000000000000",
  "ｘ".repeat(300),
  // The one text rule: NUL and other control characters, bidi controls, and text of only invisible characters.
  ...CONTROL_OR_BIDI,
  ...INVISIBLE_ONLY,
];

const badValue = fc.oneof(
  fc.constantFrom(...HAND_PICKED),
  fc.string({ maxLength: 400 }),
  fc.integer(),
  fc.double(),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 60 }),
  fc.object({ maxDepth: 1 }),
);

type Target = {
  name: string;
  schema: z.ZodType;
  run: (input: unknown) => Promise<ActionResult<unknown>>;
  valid: () => Record<string, unknown>;
};

const unique = () => Math.random().toString(36).slice(2, 10).toUpperCase();

const caseB = () => ({
  channel: "rakuten",
  sku: `B${unique()}`,
  aov: "5500",
  gross_margin_rate: "50",
  fee_rate: "12",
  points_rate: "5",
  shipping: "600",
  packaging: "60",
  return_loss: "60",
  other_costs: "",
  ad_mode: "cpa",
  cpa: "600",
  target_contribution: "1000",
  monthly_orders: "900",
});

const NO_ROW = "11111111-1111-4111-8111-111111111111";

const TARGETS: Target[] = [
  {
    name: "contracts.create",
    schema: createContractSchema,
    run: (i) => createContract(null, i),
    valid: () => ({ clientId: ID.clientA1, title: "運営代行契約", document: sampleVersion(), note: "締結" }),
  },
  {
    name: "contracts.copy",
    schema: copyContractSchema,
    run: (i) => copyContract(null, i),
    valid: () => ({ clientId: ID.clientA1, sourceContractId: NO_ROW, title: "コピー" }),
  },
  {
    name: "contracts.amend",
    schema: amendContractSchema,
    run: (i) => amendContract(null, i),
    valid: () => ({ clientId: ID.clientA1, contractId: NO_ROW, version: 1, document: sampleVersion(), note: "改定" }),
  },
  {
    name: "contracts.activate",
    schema: contractStatusSchema,
    run: (i) => activateContract(null, i),
    valid: () => ({ clientId: ID.clientA1, contractId: NO_ROW, version: 1 }),
  },
  {
    name: "contracts.terminate",
    schema: contractStatusSchema,
    run: (i) => terminateContract(null, i),
    valid: () => ({ clientId: ID.clientA1, contractId: NO_ROW, version: 1 }),
  },
  {
    name: "contracts.checklist",
    schema: checklistItemSchema,
    run: (i) => decideChecklistItem(null, i),
    valid: () => ({
      clientId: ID.clientA1,
      contractId: NO_ROW,
      versionId: NO_ROW,
      item: 1,
      status: "confirmed",
      note: "確認",
    }),
  },
  {
    name: "contracts.saveActuals",
    schema: saveActualsSchema,
    run: (i) => saveActuals(null, i),
    valid: () => ({
      clientId: ID.clientA1,
      contractId: NO_ROW,
      month: "2026-05",
      version: 0,
      actuals: { sales: "4000000", orders: "800" },
    }),
  },
  {
    name: "agency.invoiceSettings",
    schema: agencyInvoiceSettingsSchema,
    run: (i) => saveInvoiceSettings(null, i),
    valid: () => ({ invoiceRegistrationNumber: "T1234567890123" }),
  },
  {
    name: "agency.profile",
    schema: agencyProfileSchema,
    run: (i) => saveAgencyProfile(null, i),
    valid: () => ({
      name: "エージェンシーA",
      taxRounding: "floor",
      hiringTrigger1: "450000",
      hiringTrigger2: "600000",
      reportDeadlineBusinessDay: "5",
    }),
  },
  {
    name: "branding.uploadLogo",
    schema: uploadLogoSchema,
    run: (i) => uploadLogo(null, i),
    valid: () => ({ file: pngFile() }),
  },
  {
    name: "branding.removeLogo",
    schema: removeLogoSchema,
    run: (i) => removeLogo(null, i),
    valid: () => ({ sha256: "0".repeat(64) }),
  },
  {
    name: "branding.color",
    schema: brandColorSchema,
    run: (i) => saveBrandColor(null, i),
    valid: () => ({ color: "#1e40af" }),
  },
  {
    name: "branding.clientColor",
    schema: clientColorSchema,
    run: (i) => saveClientColor(null, i),
    valid: () => ({ clientId: ID.clientA1, color: "#e11d48" }),
  },
  {
    name: "agency.verdictDefaults",
    schema: agencyVerdictDefaultsSchema,
    run: (i) => saveVerdictDefaults(null, i),
    valid: () => ({ maxTacosBp: "20", minReviewRatingHundredths: "4.1", stopCpaWeeks: "" }),
  },
  {
    name: "margins.addCostRate",
    schema: addCostRateSchema,
    run: (i) => addCostRate(null, i),
    valid: () => ({ target: "role:operator", yenPerHour: "3500", effectiveFrom: "2025-01-01" }),
  },
  {
    name: "margins.deleteCostRate",
    schema: deleteCostRateSchema,
    run: (i) => removeCostRate(null, i),
    valid: () => ({ id: NO_ROW }),
  },
  {
    name: "margins.addDirectCost",
    schema: addDirectCostSchema,
    run: (i) => addDirectCost(null, i),
    valid: () => ({ clientId: ID.clientA1, month: "2026-03", label: "撮影外注", amount: "50000" }),
  },
  {
    name: "margins.deleteDirectCost",
    schema: deleteDirectCostSchema,
    run: (i) => removeDirectCost(null, i),
    valid: () => ({ clientId: ID.clientA1, id: NO_ROW }),
  },
  {
    name: "economics.createLine",
    schema: createPlLineSchema,
    run: (i) => createPlLine(null, i),
    valid: () => ({ clientId: ID.clientA1, ...caseB() }),
  },
  {
    name: "economics.updateLine",
    schema: updatePlLineSchema,
    run: (i) => updatePlLine(null, i),
    valid: () => ({ clientId: ID.clientA1, id: "11111111-1111-4111-8111-111111111111", version: 1, ...caseB() }),
  },
  {
    name: "economics.copyBase",
    schema: plLineKeySchema,
    run: (i) => copyBaseToScenarios(null, i),
    valid: () => ({ clientId: ID.clientA1, channel: "rakuten", sku: "none" }),
  },
  {
    name: "economics.deleteLine",
    schema: plLineKeySchema,
    run: (i) => deletePlLine(null, i),
    valid: () => ({ clientId: ID.clientA1, channel: "rakuten", sku: "none" }),
  },
  {
    name: "economics.previewImport",
    schema: plImportSchema,
    run: (i) => previewPlImport(null, i),
    valid: () => ({
      clientId: ID.clientA1,
      file: new File(["channel,sku,aov,gross_margin_rate,fee_rate\nrakuten,X,5500,50,12\n"], "x.csv"),
    }),
  },
  {
    name: "kpis.savePlan",
    schema: savePlanSchema,
    run: (i) => saveKpiPlanAction(null, i),
    valid: () => ({
      clientId: ID.clientA2,
      version: 0,
      reviewCadence: "monthly",
      thirdPartyAudit: "unstated",
      items: [{ kpi: "sales", tier: "surface", direction: "higher", dataSource: "楽天RMS", thirdPartyAudited: false }],
      verdictSettings: { hiringTriggerYen: "¥500,000", maxTacosBp: "20" },
      returnRateBaseline: "2",
    }),
  },
  {
    name: "kpis.saveTargets",
    schema: saveTargetsSchema,
    run: (i) => saveKpiTargets(null, i),
    valid: () => ({
      clientId: ID.clientA2,
      year: 2026,
      version: 1,
      targets: { sales: ["¥1,200,000", "", "", "", "", "", "", "", "", "", "", "1300000"] },
    }),
  },
  {
    name: "kpis.copyTargets",
    schema: copyTargetsSchema,
    run: (i) => copyKpiTargets(null, i),
    valid: () => ({ clientId: ID.clientA2, year: 2026, version: 1 }),
  },
  {
    name: "kpis.saveWeek",
    schema: saveWeekSchema,
    run: (i) => saveWeek(null, i),
    valid: () => ({
      clientId: ID.clientA1,
      isoWeek: "2026-W10",
      version: 0,
      cells: [
        { channel: "rakuten", measure: "orders", value: "1,200" },
        { channel: "rakuten", measure: "revenue", value: "¥3,600,000" },
      ],
    }),
  },
  {
    name: "week.saveHours",
    schema: saveHoursSchema,
    run: (i) => saveHours(null, i),
    valid: () => ({ clientId: ID.clientA1, isoWeek: "2026-W10", hours: "1.5", version: 0 }),
  },
  {
    name: "kpis.previewImport",
    schema: kpiImportSchema,
    run: (i) => previewKpiImport(null, i),
    valid: () => ({ file: new File(["client_code,iso_week,channel,orders\nA1,2026-W10,rakuten,5\n"], "k.csv") }),
  },
  {
    name: "kpis.import",
    schema: kpiImportSchema,
    run: (i) => importKpis(null, i),
    valid: () => ({ file: new File(["client_code,iso_week,channel,orders\nA1,2026-W10,rakuten,5\n"], "k.csv") }),
  },
  {
    name: "clients.create",
    schema: createClientSchema,
    run: (i) => createClient(null, i),
    valid: () => ({
      name: "検証用",
      code: `V${unique()}`,
      industry: "",
      channels: ["rakuten"],
      serviceModel: "full",
      status: "active",
      onboardingStage: "live",
      managerMembershipId: "",
      operatorMembershipIds: [],
    }),
  },
  {
    name: "clients.update",
    schema: updateClientSchema,
    run: (i) => updateClient(null, i),
    valid: () => ({
      id: ID.clientA2,
      version: 1,
      name: "A社2",
      code: "A2",
      channels: ["amazon"],
      serviceModel: "hybrid",
      status: "onboarding",
      onboardingStage: "kickoff",
    }),
  },
  {
    name: "clients.end",
    schema: endClientSchema,
    run: (i) => endClient(null, i),
    valid: () => ({ id: ID.clientA2, version: 999 }),
  },
  {
    name: "members.invite",
    schema: inviteSchema,
    run: (i) => inviteMember(null, i),
    valid: () => ({ email: `p${unique()}@test.example`.toLowerCase(), role: "operator" }),
  },
  {
    name: "members.revokeInvite",
    schema: revokeInviteSchema,
    run: (i) => revokeInvite(null, i),
    valid: () => ({ inviteId: "11111111-1111-4111-8111-111111111111" }),
  },
  {
    name: "members.changeRole",
    schema: changeRoleSchema,
    run: (i) => changeRole(null, i),
    valid: () => ({ membershipId: PEOPLE.operatorUnassigned.membershipId, role: "operator" }),
  },
  {
    name: "members.remove",
    schema: removeMemberSchema,
    run: (i) => removeMember(null, i),
    valid: () => ({ membershipId: "11111111-1111-4111-8111-111111111111" }),
  },
  {
    name: "reports.generate",
    schema: generateReportSchema,
    run: (i) => generateReport(null, i),
    valid: () => ({ clientId: ID.clientA1, month: "2026-05" }),
  },
  {
    name: "reports.bulkGenerate",
    schema: bulkGenerateSchema,
    run: (i) => bulkGenerateReports(null, i),
    valid: () => ({ month: "2026-05" }),
  },
  {
    name: "reports.retryRun",
    schema: retryRunSchema,
    run: (i) => retryReportRun(null, i),
    valid: () => ({ runId: NO_ROW }),
  },
  {
    name: "reports.commentary",
    schema: commentarySchema,
    run: (i) => saveReportCommentary(null, i),
    valid: () => ({ reportId: NO_ROW, version: 1, wentWell: "好調", issues: "", proposals: "", nextMonthPlan: "" }),
  },
  {
    name: "reports.publish",
    schema: publishReportSchema,
    run: (i) => publishReport(null, i),
    valid: () => ({ reportId: NO_ROW, version: 1 }),
  },
  {
    name: "reports.bulkPublish",
    schema: bulkPublishSchema,
    run: (i) => bulkPublishReports(null, i),
    valid: () => ({ items: [{ reportId: NO_ROW, version: 1 }] }),
  },
  {
    name: "account.signUpRequest",
    schema: signUpSchema,
    run: (i) => requestSignUp(null, i),
    valid: () => ({
      agencyName: "代行",
      name: "名前",
      email: `s${unique()}@test.example`.toLowerCase(),
      password: "long-password-9",
    }),
  },
  {
    name: "account.signUp",
    schema: confirmSignUpSchema,
    run: (i) => createAgencyWithOwner(null, i),
    valid: () => ({ token: "s".repeat(43), password: "long-password-9" }),
  },
  {
    name: "account.acceptInvite",
    schema: acceptInviteSchema,
    run: (i) => acceptInvite(null, i),
    valid: () => ({ token: "t".repeat(43), name: "名前", password: "long-password-9" }),
  },
];

describe("bad input gets field-level messages and writes nothing", () => {
  for (const target of TARGETS) {
    it(`${target.name}: any one field replaced by a bad value`, async () => {
      const fields = Object.keys(target.valid());
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...fields), badValue, async (field, value) => {
          const input = { ...target.valid(), [field]: value };
          const schemaRejects = !target.schema.safeParse(input).success;
          const before = schemaRejects ? await snapshot(t.db) : undefined;
          const result = await target.run(input);
          // Never an unexpected error (the server's 500).
          expect(result.ok || result.code !== "error").toBe(true);
          if (schemaRejects) {
            expect(result).toMatchObject({ ok: false, code: "invalid" });
            if (!result.ok && result.code === "invalid") {
              const keys = Object.keys(result.fieldErrors);
              expect(keys.some((k) => k === field || k.startsWith(`${field}.`))).toBe(true);
              for (const messages of Object.values(result.fieldErrors))
                expect(messages.every((m) => m.length > 0)).toBe(true);
            }
            expect(await snapshot(t.db)).toEqual(before);
          }
        }),
        { numRuns: 30 },
      );
    });
  }

  /** Every free-text field of every action, and whether it is required. */
  const TEXT_FIELDS: [action: string, field: string, required: boolean][] = [
    ["clients.create", "name", true],
    ["agency.profile", "name", true],
    ["margins.addDirectCost", "label", true],
    ["clients.create", "industry", false],
    ["clients.update", "name", true],
    ["clients.update", "industry", false],
    ["contracts.create", "title", true],
    ["contracts.create", "note", false],
    ["contracts.amend", "note", true],
    ["contracts.copy", "title", true],
    ["economics.createLine", "sku", true],
    ["economics.createLine", "other_costs", false],
    ["economics.createLine", "aov", true],
    ["economics.updateLine", "sku", true],
    ["economics.updateLine", "other_costs", false],
    ["economics.copyBase", "sku", true],
    ["economics.deleteLine", "sku", true],
    ["account.signUpRequest", "agencyName", true],
    ["account.signUpRequest", "name", true],
    ["account.acceptInvite", "name", false],
  ];

  async function expectRefused(action: string, field: string, value: string) {
    const target = TARGETS.find((x) => x.name === action);
    if (!target) throw new Error(`no target ${action}`);
    const before = await snapshot(t.db);
    const result = await target.run({ ...target.valid(), [field]: value });
    expect({ action, field, value, result }).toMatchObject({
      result: { ok: false, code: "invalid", fieldErrors: { [field]: [expect.any(String)] } },
    });
    expect(await snapshot(t.db)).toEqual(before);
  }

  it("refuses control and bidi characters in every text field with that field's error, writing nothing", async () => {
    for (const [action, field] of TEXT_FIELDS)
      for (const value of CONTROL_OR_BIDI) await expectRefused(action, field, value);
  });

  it("refuses a required text made only of invisible characters as empty", async () => {
    for (const [action, field, required] of TEXT_FIELDS) {
      if (required) for (const value of INVISIBLE_ONLY) await expectRefused(action, field, value);
    }
  });

  it("stores an optional text made only of invisible characters as empty", async () => {
    const target = TARGETS.find((x) => x.name === "clients.create");
    const result = await createClient(null, { ...target?.valid(), industry: "\u200b\u200b" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { getClientOrThrow } = await import("@/db/queries/clients");
    const { withTenant } = await import("@/db/tenant");
    const stored = await withTenant(t.db, ID.agencyA, (tx) =>
      getClientOrThrow(tx, { agencyId: ID.agencyA, clientId: result.data.id, scope: { kind: "all" } }),
    );
    expect(stored.industry).toBe("");
  });

  it("stores HTML and SQL fragments verbatim where text is allowed (they are escaped when shown)", async () => {
    const name = `<script>alert('x')</script>'; drop table clients; --`;
    const result = await createClient(null, { ...TARGETS.find((x) => x.name === "clients.create")?.valid(), name });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { getClientOrThrow } = await import("@/db/queries/clients");
    const { withTenant } = await import("@/db/tenant");
    const stored = await withTenant(t.db, ID.agencyA, (tx) =>
      getClientOrThrow(tx, { agencyId: ID.agencyA, clientId: result.data.id, scope: { kind: "all" } }),
    );
    expect(stored.name).toBe(name);
  });

  it("takes FormData as the forms send it, with every error reported", async () => {
    const form = new FormData();
    form.set("name", "");
    form.set("code", "bad code!");
    form.set("serviceModel", "outsourced");
    form.set("status", "active");
    form.set("onboardingStage", "live");
    const result = await createClient(null, form);
    expect(result.ok).toBe(false);
    if (result.ok || result.code !== "invalid") return;
    expect(Object.keys(result.fieldErrors).sort()).toEqual(["channels", "code", "name", "serviceModel"]);
  });
});

describe("contract terms: the domain's field errors, nothing written", () => {
  /** One bad term at a time, and the field the error must name. */
  const rule = (over: Record<string, unknown>) =>
    ({ kind: "rate_over_baseline", basis: "sales", rateBp: 500, baseline: 0, cap: null, ...over }) as never;
  type Version = ReturnType<typeof sampleVersion>;
  const BAD_TERMS: [label: string, edit: (v: Version) => void, field: string][] = [
    [
      "a negative fee",
      (v) => v.fees.monthlyFeeLines.splice(0, 1, { label: "運営", amount: -1 }),
      "fees.monthlyFeeLines.0.amount",
    ],
    [
      "an absurd fee",
      (v) => v.fees.initialFeeLines.splice(0, 1, { label: "初期", amount: 1e12 }),
      "fees.initialFeeLines.0.amount",
    ],
    ["reversed dates", (v) => Object.assign(v.terms, { endDate: "2025-01-01" }), "terms.endDate"],
    [
      "a rate above 100 %",
      (v) => v.fees.performanceRules.splice(0, 1, rule({ rateBp: 12_000 })),
      "fees.performanceRules.0.rateBp",
    ],
    ["a negative cap", (v) => v.fees.performanceRules.splice(0, 1, rule({ cap: -1 })), "fees.performanceRules.0.cap"],
    [
      "an unknown rule kind",
      (v) => v.fees.performanceRules.splice(0, 1, rule({ kind: "share_of_luck" })),
      "fees.performanceRules.0.kind",
    ],
    [
      "a fractional yen",
      (v) => v.fees.monthlyFeeLines.splice(0, 1, { label: "運営", amount: 1.5 }),
      "fees.monthlyFeeLines.0.amount",
    ],
  ];

  for (const [label, edit, field] of BAD_TERMS) {
    it(`contracts.create and contracts.amend refuse ${label} at document.${field}`, async () => {
      signInAs("owner");
      for (const target of TARGETS.filter((x) => x.name === "contracts.create" || x.name === "contracts.amend")) {
        const document = sampleVersion();
        edit(document);
        const before = await snapshot(t.db);
        const result = await target.run({ ...target.valid(), document });
        expect(result).toMatchObject({
          ok: false,
          code: "invalid",
          fieldErrors: { [`document.${field}`]: [expect.any(String)] },
        });
        expect(await snapshot(t.db)).toEqual(before);
      }
    });
  }

  it("margins: negative, fractional and absurd amounts, impossible dates and unknown people are field errors", async () => {
    signInAs("owner");
    const cases: [() => Promise<ActionResult<unknown>>, string][] = [
      [
        () => addCostRate(null, { target: "role:operator", yenPerHour: "-1", effectiveFrom: "2025-01-01" }),
        "yenPerHour",
      ],
      [
        () => addCostRate(null, { target: "role:operator", yenPerHour: "3500.5", effectiveFrom: "2025-01-01" }),
        "yenPerHour",
      ],
      [
        () => addCostRate(null, { target: "role:operator", yenPerHour: "2000000", effectiveFrom: "2025-01-01" }),
        "yenPerHour",
      ],
      [
        () => addCostRate(null, { target: "role:operator", yenPerHour: "3500", effectiveFrom: "2025-02-30" }),
        "effectiveFrom",
      ],
      [() => addCostRate(null, { target: "role:client", yenPerHour: "3500", effectiveFrom: "2025-01-01" }), "target"],
      [
        () => addCostRate(null, { target: `member:${NO_ROW}`, yenPerHour: "3500", effectiveFrom: "2025-01-01" }),
        "target",
      ],
      [() => addDirectCost(null, { clientId: ID.clientA1, month: "2026-13", label: "x", amount: "1" }), "month"],
      [() => addDirectCost(null, { clientId: ID.clientA1, month: "2026-03", label: "x", amount: "-5" }), "amount"],
      [
        () =>
          saveAgencyProfile(null, {
            name: "A",
            taxRounding: "floor",
            hiringTrigger1: "600000",
            hiringTrigger2: "450000",
            reportDeadlineBusinessDay: "5",
          }),
        "hiringTrigger2",
      ],
    ];
    for (const [run, field] of cases) {
      const before = await snapshot(t.db);
      const result = await run();
      expect(result).toMatchObject({ ok: false, code: "invalid", fieldErrors: { [field]: [expect.any(String)] } });
      expect(await snapshot(t.db)).toEqual(before);
    }
  });

  it("margins.addCostRate: a second rate for the same role and day is a field error", async () => {
    signInAs("owner");
    const input = { target: "role:manager", yenPerHour: "5000", effectiveFrom: "2024-04-01" };
    expect((await addCostRate(null, input)).ok).toBe(true);
    const before = await snapshot(t.db);
    const again = await addCostRate(null, { ...input, yenPerHour: "5200" });
    expect(again).toMatchObject({ ok: false, code: "invalid", fieldErrors: { effectiveFrom: [expect.any(String)] } });
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("agency.invoiceSettings refuses a malformed registration number", async () => {
    signInAs("owner");
    for (const value of ["1234567890123", "T123456789012", "T12345678901234", "TABCDEFGHIJKLM", "X1234567890123"]) {
      const before = await snapshot(t.db);
      const result = await saveInvoiceSettings(null, { invoiceRegistrationNumber: value });
      expect(result).toMatchObject({
        ok: false,
        code: "invalid",
        fieldErrors: { invoiceRegistrationNumber: [expect.any(String)] },
      });
      expect(await snapshot(t.db)).toEqual(before);
    }
  });
});

describe("weekly KPI entry: the issue's bad cells, each a field error at its cell, nothing written", () => {
  beforeAll(async () => {
    const { saveKpiPlan } = await import("@/db/queries/kpis");
    await saveKpiPlan(t.db, {
      agencyId: ID.agencyA,
      clientId: ID.clientA1,
      version: 0,
      plan: {
        reviewCadence: "weekly",
        thirdPartyAudit: null,
        verdictSettings: {},
        returnRateBaselineBp: null,
        items: [{ kpi: "aov", tier: "surface", direction: "higher", dataSource: "RMS", thirdPartyAudited: false }],
      },
    });
  });

  const cells = (value: unknown, measure = "orders", channel = "rakuten") => [
    { channel: "rakuten", measure: "revenue", value: "1,000" },
    { channel, measure, value },
  ];
  const BAD: [label: string, input: Record<string, unknown>, field: string][] = [
    ["a negative count", { cells: cells("-1") }, "cells.1.value"],
    ["a negative count as a number", { cells: cells(-1) }, "cells.1.value"],
    ["text in a number", { cells: cells("十二") }, "cells.1.value"],
    ["a fraction of an order", { cells: cells("1.5") }, "cells.1.value"],
    ["a week that does not exist", { isoWeek: "2025-W53" }, "isoWeek"],
    ["week 0", { isoWeek: "2026-W00" }, "isoWeek"],
    ["a measure that is not in the plan", { cells: cells("5", "inquiries") }, "cells.1.measure"],
    ["a channel that is not the client's", { cells: cells("5", "orders", "amazon") }, "cells.1.channel"],
    ["an absurd count", { cells: cells("99,999,999,999") }, "cells.1.value"],
  ];
  for (const [label, over, field] of BAD) {
    it(label, async () => {
      signInAs("owner");
      const before = await snapshot(t.db);
      const result = await saveWeek(null, {
        clientId: ID.clientA1,
        isoWeek: "2026-W10",
        version: 0,
        cells: cells("12"),
        ...over,
      });
      expect(result).toMatchObject({ ok: false, code: "invalid", fieldErrors: { [field]: [expect.any(String)] } });
      expect(await snapshot(t.db)).toEqual(before);
    });
  }
});
