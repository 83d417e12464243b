/** The pages of the built site, for tests that visit every page. */
import { readdirSync } from "node:fs";
import { DIST } from "./build-site.ts";

/**
 * Clean URLs of the built pages (index.html → /, regler.html → /regler), with only the sampled
 * municipality pages of the 98 (they share one template). Pages added later are picked up as built.
 */
export function builtRoutes(sampledMunicipalities: ReadonlySet<string>): string[] {
  let files: string[] = [];
  try {
    files = readdirSync(DIST, { recursive: true, encoding: "utf-8" });
  } catch {
    return ["/"]; // not built (yet): the harness reports the build failure
  }
  return files
    .filter((f) => f.endsWith(".html") && f !== "404.html" && !f.startsWith("_"))
    .map(
      (f) =>
        "/" +
        f
          .replace(/\\/g, "/")
          .replace(/(^|\/)index\.html$/, "$1")
          .replace(/\.html$/, ""),
    )
    .filter((route) => !route.startsWith("/kommune/") || sampledMunicipalities.has(route.slice("/kommune/".length)))
    .sort();
}
