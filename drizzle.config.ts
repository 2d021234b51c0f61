import { defineConfig } from "drizzle-kit";

// drizzle-kit only generates SQL from db/schema; migrations are applied by db/migrate.ts (the app and
// `npm run db:migrate`), so that PGlite and a Postgres server run exactly the same files.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
});
