import os from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "@": path.resolve(import.meta.dirname) };
// 'server-only' throws outside React Server Components; tests import server modules directly.
const serverOnly = { "server-only": path.resolve(import.meta.dirname, "tests/helpers/server-only-stub.ts") };

export default defineConfig({
  test: {
    // Unit and integration files run side by side, one per core (Vitest's default leaves a core idle);
    // the end-to-end specs share one server and run one after another.
    maxWorkers: os.availableParallelism(),
    projects: [
      {
        resolve: { alias: { ...alias, ...serverOnly } },
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "components/**/*.test.ts", "prisma/**/*.test.ts", "scripts/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        resolve: { alias: { ...alias, ...serverOnly } },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/helpers/database-template.ts"],
          setupFiles: ["tests/helpers/geometry-engine.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "e2e",
          include: ["e2e/**/*.spec.ts"],
          environment: "node",
          globalSetup: ["e2e/global-setup.ts"],
          setupFiles: ["e2e/server-ready.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One server, one browser: run the specs one after another.
          fileParallelism: false,
          // For the tests a spec marks concurrent (accessibility.spec.ts): pages checked at once.
          maxConcurrency: 3,
        },
      },
    ],
  },
});
