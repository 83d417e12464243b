import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 600_000,
    // Builds the site once per run when the offline-build or browser tests are selected.
    globalSetup: ["test/browser/global-setup.ts"],
  },
});
