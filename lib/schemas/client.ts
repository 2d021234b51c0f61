import { z } from "zod";
import { CHANNELS, CLIENT_STATUSES, ONBOARDING_STAGES, SERVICE_MODELS } from "@/lib/options";
import { optionalUuid, text, version } from "./fields";

/** A client as a manager edits it; create, update and end are derived from this one schema. */
export const clientSchema = z.object({
  name: text({ min: 1, max: 120 }),
  code: z
    .string()
    .trim()
    .min(1)
    .max(20)
    .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, { message: "validation.code" }),
  industry: text({ max: 80 }).default(""),
  // An unticked checkbox group submits nothing at all: treat that as an empty choice, not a missing field.
  channels: z.preprocess(
    (v) => v ?? [],
    z
      .array(z.enum(CHANNELS))
      .min(1)
      .max(CHANNELS.length)
      .transform((list) => [...new Set(list)]),
  ),
  serviceModel: z.enum(SERVICE_MODELS),
  status: z.enum(CLIENT_STATUSES),
  onboardingStage: z.enum(ONBOARDING_STAGES),
  managerMembershipId: optionalUuid,
  operatorMembershipIds: z
    .array(z.uuid())
    .max(50)
    .default([])
    .transform((list) => [...new Set(list)]),
});

export const createClientSchema = clientSchema;
export const updateClientSchema = clientSchema.extend({ id: z.uuid(), version });
export const endClientSchema = z.object({ id: z.uuid(), version });

export type ClientInput = z.input<typeof clientSchema>;
