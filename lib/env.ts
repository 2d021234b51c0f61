import "server-only";
import { z } from "zod";

// Validated once, on first use; a wrong value stops the server with a message naming the variable.
const schema = z.object({
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  PGLITE_DIR: z.string().min(1).default(".data/pglite"),
  AUTH_SECRET: z
    .string()
    .min(32, "AUTH_SECRET must be at least 32 characters (run `npm run dev` once to generate one)"),
  DEMO_MODE: z
    .enum(["0", "1", "true", "false"])
    .optional()
    .transform((v) => v === "1" || v === "true"),
  SMTP_URL: z.string().optional(),
  /** How many proxies in front of the app append to X-Forwarded-For (0: the app faces clients directly). */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** A session ends after this many hours without a request… */
  SESSION_IDLE_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 365)
    .default(12),
  /** …and this many days after sign-in in any case (also the session cookie's lifetime). */
  SESSION_MAX_DAYS: z.coerce.number().positive().max(365).default(30),
  MAIL_FROM: z.string().default("portal@localhost"),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment:\n${lines}`);
  }
  cached = parsed.data;
  return cached;
}
