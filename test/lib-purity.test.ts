/**
 * The rules module must run in Node and the browser: no Node built-ins, no Framework, no DOM —
 * through each of its entries: the engine (lib/index.ts), the site helpers (lib/view/index.ts) and
 * the site's bundle entry (lib/browser.ts). The site imports from the bundle only names it exports.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { build } from "esbuild";
import { PROJECT_ROOT } from "./helpers/cli.ts";

const ENTRIES = ["lib/index.ts", "lib/view/index.ts", "lib/browser.ts"];

async function bundle(entry: string) {
  return build({
    entryPoints: [join(PROJECT_ROOT, entry)],
    bundle: true,
    write: false,
    platform: "neutral",
    format: "esm",
    metafile: true,
    logLevel: "silent",
  });
}

/** Files under src/ (pages and components), without generated or hidden folders. */
function siteFiles(dir = join(PROJECT_ROOT, "src")): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory()
      ? d.name.startsWith("_") || d.name.startsWith(".")
        ? []
        : siteFiles(join(dir, d.name))
      : /\.(ts|md|js)$/.test(d.name)
        ? [join(dir, d.name)]
        : [],
  );
}

describe("lib/ is framework- and platform-free", () => {
  for (const entry of ENTRIES) {
    it(`${entry} bundles for the browser with no node: imports, no Framework and no DOM globals`, async () => {
      const result = await bundle(entry);
      const inputs = Object.keys(result.metafile!.inputs);
      expect(inputs.every((f) => f.startsWith("lib/"))).toBe(true);
      const code = result.outputFiles[0]!.text;
      // everything was bundled from lib/: no import of node:, Framework or anything else remains
      expect(code).not.toMatch(/^\s*import\s|\brequire\(|@observablehq/m);
      // no DOM: the browser-only globals a page would use
      expect(code).not.toMatch(/\b(document|navigator|localStorage|globalThis\.window)\b/);
    });
  }

  it("lib/browser.ts exports every value the site imports from the bundle (_gen/tidlig.js)", async () => {
    const result = await bundle("lib/browser.ts");
    const exported = new Set(Object.values(result.metafile!.outputs)[0]!.exports);
    const missing: string[] = [];
    for (const file of siteFiles()) {
      const text = readFileSync(file, "utf-8");
      for (const m of text.matchAll(/import\s+(type\s+)?\{([^}]*)\}\s*from\s*["'][^"']*_gen\/tidlig\.js["']/g)) {
        if (m[1]) continue;
        for (const raw of m[2]!.split(",")) {
          const name = raw.trim().split(/\s+as\s+/)[0]!;
          if (name && !name.startsWith("type ") && !exported.has(name)) missing.push(`${name} (${file})`);
        }
      }
    }
    expect(missing, "add these to lib/browser.ts").toEqual([]);
  });
});
