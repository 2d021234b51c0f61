import { z } from "zod";
import { cleanText } from "@/lib/fields/text";

/**
 * Text as people type it, under the one text rule (lib/fields/text.ts): NFC, trimmed, no control or bidi
 * characters (a field error names them), and a value of only invisible characters counts as empty, so
 * `min: 1` refuses it as required.
 */
export function text(options: { max: number; min?: number; multiline?: boolean }) {
  return z
    .string()
    .transform((raw, ctx) => {
      const cleaned = cleanText(raw, options);
      if (cleaned.ok) return cleaned.value;
      ctx.addIssue({ code: "custom", message: `validation.${cleaned.problem}` });
      return z.NEVER;
    })
    .pipe(
      z
        .string()
        .min(options.min ?? 0)
        .max(options.max),
    );
}

/** Optional select/input: the empty string a form submits for "none" becomes null. */
export const optionalUuid = z.preprocess((v) => (v === "" || v === undefined ? null : v), z.uuid().nullable());

export const email = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(254)
  .pipe(z.email({ message: "validation.email" }));

export const password = z.string().min(10).max(200);

export const personName = text({ min: 1, max: 80 });

/** A form's hidden `version` field, for optimistic concurrency. */
export const version = z.coerce.number().int().min(1);
