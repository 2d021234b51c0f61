import { z } from "zod";
import { MAX_LOGO_BYTES, parseHexColor } from "@/lib/branding/logo";

/** The logo file; its type and contents are checked by lib/branding/logo.ts in the action. */
export const uploadLogoSchema = z.object({
  file: z
    .instanceof(File, { message: "branding.errors.no_file" })
    .refine((f) => f.size > 0, { message: "branding.errors.empty" })
    .refine((f) => f.size <= MAX_LOGO_BYTES, { message: "branding.errors.too_large" }),
});

/** Removes the logo the owner saw (its hash), not one uploaded since. */
export const removeLogoSchema = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/, { message: "validation.format" }),
});

/** "#1e40af" as typed ("1E40AF", "#14a"); empty clears it (null). */
const color = z
  .string({ message: "validation.invalidType" })
  .max(20, { message: "branding.errors.color" })
  .transform((raw, ctx) => {
    if (raw.trim() === "") return null;
    const parsed = parseHexColor(raw);
    if (parsed === null) {
      ctx.addIssue({ code: "custom", message: "branding.errors.color" });
      return z.NEVER;
    }
    return parsed;
  });

export const brandColorSchema = z.object({ color });

export const clientColorSchema = z.object({ clientId: z.uuid(), color });
