import { z } from "zod";
import { ROLES, STAFF_ROLES } from "@/lib/options";
import { email, optionalUuid } from "./fields";

export const inviteSchema = z
  .object({ email, role: z.enum(ROLES), clientId: optionalUuid })
  .superRefine((value, ctx) => {
    if (value.role === "client" && !value.clientId) {
      ctx.addIssue({ code: "custom", path: ["clientId"], message: "validation.clientRequired" });
    }
  })
  // Staff are never bound to a client.
  .transform((value) => ({ ...value, clientId: value.role === "client" ? value.clientId : null }));

export const changeRoleSchema = z.object({ membershipId: z.uuid(), role: z.enum(STAFF_ROLES) });
export const removeMemberSchema = z.object({ membershipId: z.uuid() });
export const revokeInviteSchema = z.object({ inviteId: z.uuid() });
export const endMemberSessionsSchema = z.object({ membershipId: z.uuid() });
