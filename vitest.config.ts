import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { LongestFirstSequencer } from "./test/helpers/sequencer.ts";

const path = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  resolve: {
    // The site's components, run by the happy-dom tests in Node: the `npm:` specifiers Framework
    // resolves in the browser are the installed packages, and lib's bundle is lib itself.
    alias: [
      { find: /^npm:(.+)$/, replacement: "$1" },
      { find: /^.*\/_gen\/tidlig\.js$/, replacement: path("./lib/browser.ts") },
    ],
  },
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 600_000,
    // Builds the site once per run, and starts the one static server and the one chromium that the
    // browser test files share, when the offline-build or browser tests are selected.
    globalSetup: ["test/browser/global-setup.ts"],
    // vitest's default (cores − 1) is one worker on two cores, and every file then waits for the
    // one before. Browser test files mostly wait on chromium: run them beside the others.
    maxWorkers: Math.max(2, availableParallelism()),
    // The longest files first, so that the run is not one long file finishing alone.
    sequence: { sequencer: LongestFirstSequencer },
  },
});
