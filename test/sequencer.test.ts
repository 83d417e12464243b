// The test order of vitest.config.ts (test/helpers/sequencer.ts): its timings name files that exist
// (a renamed file would silently lose its place), and the order it gives starts the files that do
// not wait for the site build first, then those that do, each longest first.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import type { TestSpecification } from "vitest/node";
import { runsAfterSiteBuild } from "./browser/build-site.ts";
import { PROJECT_ROOT } from "./helpers/cli.ts";
import { expectedSeconds, LongestFirstSequencer, SECONDS } from "./helpers/sequencer.ts";

test("every file the sequencer times exists", () => {
  expect(Object.keys(SECONDS).filter((f) => !existsSync(join(PROJECT_ROOT, f)))).toEqual([]);
});

test("files that do not wait for the site build first, then those that do, each group longest first", async () => {
  const files = [
    "test/domain.test.ts",
    "test/browser/kommuner.test.ts",
    "test/site-rebuild.test.ts",
    "test/browser/a11y-axe.test.ts",
    "test/offline-build.test.ts",
    "test/bench-formulations.test.ts",
    "test/browser/new-page.test.ts", // not timed: counts as a browser file
  ];
  const sequencer = new LongestFirstSequencer({ config: { root: PROJECT_ROOT } } as never);
  const specs = files.map((f) => ({ moduleId: join(PROJECT_ROOT, f) }) as TestSpecification);
  const sorted = (await sequencer.sort(specs)).map((s) => s.moduleId.slice(PROJECT_ROOT.length + 1));
  expect([...sorted].sort()).toEqual([...files].sort());
  const keys = sorted.map((f) => ({ site: runsAfterSiteBuild(join(PROJECT_ROOT, f)), seconds: expectedSeconds(f) }));
  for (let i = 1; i < keys.length; i++) {
    const [before, after] = [keys[i - 1]!, keys[i]!];
    if (before.site === after.site)
      expect(before.seconds, `${sorted[i - 1]} before ${sorted[i]}`).toBeGreaterThanOrEqual(after.seconds);
    else expect(before.site, `${sorted[i - 1]} before ${sorted[i]}`).toBe(false);
  }
  expect(sorted.slice(0, 2)).toEqual(["test/bench-formulations.test.ts", "test/domain.test.ts"]);
  expect(expectedSeconds("test/browser/new-page.test.ts")).toBeGreaterThan(expectedSeconds("test/domain.test.ts"));
});
