// Framework 1.13.4 reuses a data loader's cached output while it is newer than the loader script
// (it compares the two mtimes only), so new data (a snapshot, a token, `synth --seed 7`) would be
// ignored. The site's data decision is cheap, so every build drops its cached output and decides
// again (src/data/site.tar.ts). Run by prepare.ts (prebuild, dev).
import { rmSync } from "node:fs";
import { join } from "node:path";

/** Cached outputs of src/data/site.tar.ts: the archive and the files extracted from it. */
export const SITE_DATA_CACHE = ["data/site.tar", "data/site"];

export function clearSiteDataCache(srcRoot: string): void {
  for (const entry of SITE_DATA_CACHE) {
    rmSync(join(srcRoot, ".observablehq", "cache", entry), { recursive: true, force: true });
  }
}
