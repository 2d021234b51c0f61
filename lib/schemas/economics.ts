import { z } from "zod";
import { INPUT_COLUMNS, type InputColumn, readPlLine } from "@/lib/economics/line";
import { CHANNELS } from "@/lib/options";
import { text, version } from "./fields";

const cell = z.union([z.string(), z.number()]).transform(String).pipe(z.string().max(500)).optional();

const rawCells = z.object(Object.fromEntries(INPUT_COLUMNS.map((c) => [c, cell])) as Record<InputColumn, typeof cell>);

/** The cells of one P/L line, read exactly by lib/economics/line.ts; every bad cell becomes a field error. */
function withLine<S extends z.ZodObject>(schema: S) {
  return schema.transform((input, ctx) => {
    const read = readPlLine(input as Record<InputColumn, string | undefined>);
    if (!read.ok) {
      for (const [column, code] of Object.entries(read.errors)) {
        ctx.addIssue({ code: "custom", path: [column], message: `economics.errors.${code}` });
      }
      return z.NEVER;
    }
    return { ...(input as z.output<S>), line: read.value };
  });
}

export const createPlLineSchema = withLine(rawCells.extend({ clientId: z.uuid() }));
export const updatePlLineSchema = withLine(rawCells.extend({ clientId: z.uuid(), id: z.uuid(), version }));

export const plLineKeySchema = z.object({
  clientId: z.uuid(),
  channel: z.enum(CHANNELS),
  sku: text({ min: 1, max: 100 }),
});

export const copyBaseSchema = plLineKeySchema.extend({
  /** The versions of the pessimistic and optimistic rows as the user saw them (absent: the row did not exist). */
  versions: z
    .object({ pessimistic: z.number().int().min(1).optional(), optimistic: z.number().int().min(1).optional() })
    .optional(),
});

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export const plImportSchema = z.object({
  clientId: z.uuid(),
  /** The preview's token: the commit refuses if the file or the stored lines changed since. */
  previewToken: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
  file: z
    .instanceof(File, { message: "economics.errors.no_file" })
    .refine((f) => f.size <= MAX_IMPORT_BYTES, { message: "economics.errors.file_too_large" }),
});
