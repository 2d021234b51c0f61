import { z } from "zod";

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

export const personName = z.string().trim().min(1).max(80);

/** A form's hidden `version` field, for optimistic concurrency. */
export const version = z.coerce.number().int().min(1);
