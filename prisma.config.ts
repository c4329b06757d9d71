// Prisma CLI configuration. The CLI is used only for `prisma generate`:
// migrations run through scripts/migrate.ts (Prisma's WASM schema engine over
// the driver adapters), because the CLI's native engine cannot be downloaded
// on air-gapped machines. Where the CLI can run, `prisma migrate deploy` with
// DATABASE_URL applies the same prisma/migrations.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/unused" },
});
