import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      // Next.js resolves this to an empty module on the server; tests run on the server too.
      {
        find: /^server-only$/,
        replacement: path.join(root, "lib/server/testing/server-only-stub.ts"),
      },
    ],
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "node_modules/**", ".next/**", "e2e/**", "scratch/**"],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["**/*.int.test.ts"],
          exclude: ["node_modules/**", ".next/**", "scratch/**"],
          globalSetup: ["lib/server/testing/integration-global-setup.ts"],
          env: { FAIRSHIFT_AUTH_SECRET: "fairshift-integration-tests-only-secret-0123456789" },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
