/** The rules module must run in Node and the browser: no Node built-ins, no Framework, no DOM. */
import { describe, expect, it } from "vitest";
import { build } from "esbuild";
import { fileURLToPath } from "node:url";

describe("lib/ is framework- and platform-free", () => {
  it("bundles for the browser with no node: imports, no Framework and no DOM globals", async () => {
    const result = await build({
      entryPoints: [fileURLToPath(new URL("../lib/index.ts", import.meta.url))],
      bundle: true,
      write: false,
      platform: "neutral",
      format: "esm",
      metafile: true,
      logLevel: "silent",
    });
    const inputs = Object.keys(result.metafile!.inputs);
    expect(inputs.every((f) => f.startsWith("lib/"))).toBe(true);
    const code = result.outputFiles[0]!.text;
    // everything was bundled from lib/: no import of node:, Framework or anything else remains
    expect(code).not.toMatch(/^\s*import\s|\brequire\(|@observablehq/m);
    // no DOM: the browser-only globals a page would use
    expect(code).not.toMatch(/\b(document|navigator|localStorage|globalThis\.window)\b/);
  });
});
