/**
 * The outcome of this run's site build, for the test files that need the built site (browser
 * tests, offline-build.test.ts). global-setup.ts builds in the background and writes the outcome to
 * a file when the build has ended; this waits for that file.
 */
import { existsSync, readFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { inject } from "vitest";
import type { SiteBuild } from "./build-site.ts";

/** Longer than any build on a busy machine; a build that takes longer has hung. */
const BUILD_DEADLINE_MS = 15 * 60_000;

/** The build's outcome, once it has ended; null when global-setup.ts built nothing for this run. */
export async function siteBuild(): Promise<SiteBuild | null> {
  const file = inject("siteBuildFile");
  if (!file) return null;
  const deadline = Date.now() + BUILD_DEADLINE_MS;
  while (!existsSync(file)) {
    if (Date.now() > deadline)
      throw new Error(`the site build did not end within ${BUILD_DEADLINE_MS / 60_000} minutes`);
    await sleep(100); // polls for the file; asserts nothing about time
  }
  return JSON.parse(readFileSync(file, "utf-8")) as SiteBuild;
}
