/**
 * vitest runs whole files on its workers, in the order its sequencer gives. Its default puts the
 * largest files first when it has no timings cached (as in every clean clone, e.g. `.ci/run`), and
 * a long browser file that starts late then ends the run alone while the other worker idles. This
 * sequencer gives first the files that do not wait for the site build (they run while
 * global-setup.ts builds the site), then the files that do, each group longest first (longest-processing-time
 * scheduling, from the durations below), so that the short ones fill the gaps at the end.
 */
import { relative } from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";
import { runsAfterSiteBuild } from "../browser/build-site.ts";

/**
 * Seconds each long file took in whole-suite runs on two busy cores (load 5–10); only the order
 * matters. A file not listed counts as a browser file (10 s) or a unit file (1 s).
 */
export const SECONDS: Record<string, number> = {
  "test/bench-formulations.test.ts": 11,
  "test/fast-verdicts.test.ts": 5,
  "test/synth.test.ts": 3,
  "test/import-hostile.test.ts": 3,
  "test/data-loaders.test.ts": 3,
  "test/cli.test.ts": 3,
  "test/properties.test.ts": 2,
  "test/browser/a11y-axe.test.ts": 34,
  "test/browser/a11y.test.ts": 33,
  "test/browser/overview.test.ts": 30,
  "test/site-rebuild.test.ts": 26,
  "test/browser/tools.test.ts": 26,
  "test/browser/publish.test.ts": 25,
  "test/browser/detail.test.ts": 18,
  "test/browser/site.test.ts": 14,
  "test/browser/language.test.ts": 10,
  "test/browser/varsling.test.ts": 9,
  "test/browser/kommuner.test.ts": 3,
};

export function expectedSeconds(file: string): number {
  const path = file.replace(/\\/g, "/");
  return SECONDS[path] ?? (path.startsWith("test/browser/") ? 10 : 1);
}

export class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root;
    const seconds = (spec: TestSpecification) => expectedSeconds(relative(root, spec.moduleId));
    const group = (spec: TestSpecification) => (runsAfterSiteBuild(spec.moduleId) ? 1 : 0);
    return [...files].sort(
      (a, b) => group(a) - group(b) || seconds(b) - seconds(a) || a.moduleId.localeCompare(b.moduleId),
    );
  }
}
