import { z } from "zod";

/** Reads a page's search params leniently: a hand-edited URL falls back to defaults instead of failing. */
export function parseSearchParams<S extends z.ZodObject>(
  schema: S,
  raw: Record<string, string | string[] | undefined>,
): z.output<S> {
  const flat = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.shape)) {
    const parsed = (field as z.ZodType).safeParse(flat[key]);
    out[key] = parsed.success ? parsed.data : (field as z.ZodType).safeParse(undefined).data;
  }
  return out as z.output<S>;
}

export const pageParam = z.coerce.number().int().min(1).max(100_000).catch(1).default(1);
