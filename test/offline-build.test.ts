// The site builds with no network at all, and the result references no external host.
// The build itself runs once per test run in test/browser/global-setup.ts (shared with the
// browser tests); this file checks its outcome and dist/.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { DIST } from "./browser/build-site.ts";
import { siteBuild } from "./browser/site-build.ts";

const build = await siteBuild();

function distFiles(): string[] {
  return readdirSync(DIST, { recursive: true, encoding: "utf-8" }).filter((f) => statSync(join(DIST, f)).isFile());
}

describe("offline build", () => {
  test("observable build succeeds", () => {
    expect(build, "global setup did not build the site").not.toBeNull();
    expect(build!.ok, `build failed (${build!.note}):\n${build!.log}`).toBe(true);
  });

  // The no-network proof needs `unshare -n`. Without it the build still ran, but nothing proved it
  // offline: that is a loud skip on a workstation and a failure under CI=true.
  const unproven = !!build && !build.reused && !build.networkIsolated;
  if (unproven && process.env.CI !== "true")
    console.warn(`\n*** offline build NOT proven: the build ran WITH network access (${build.note}) ***\n`);
  test.skipIf(!build || build.reused || (unproven && process.env.CI !== "true"))(
    `the build ran with no network (unshare -n)${unproven ? ` — NOT PROVEN: ${build.note}` : ""}`,
    () => {
      expect(build!.networkIsolated, `no network isolation under CI=true: ${build!.note}`).toBe(true);
      expect(build!.ok).toBe(true);
      expect(build!.log).not.toMatch(/fetch failed|ENOTFOUND|EAI_AGAIN|unable to fetch/);
    },
  );

  test("dist holds the DuckDB wasm bundles and workers", () => {
    const files = distFiles();
    for (const name of [
      /duckdb-mvp\.wasm$/,
      /duckdb-eh\.wasm$/,
      /duckdb-browser-mvp\.worker\.[0-9a-f]+\.js$/,
      /duckdb-browser-eh\.worker\.[0-9a-f]+\.js$/,
    ]) {
      const match = files.find((f) => name.test(f));
      expect(match, `no file matching ${name} in dist/`).toBeDefined();
      expect(statSync(join(DIST, match!)).size).toBeGreaterThan(100_000);
    }
    const wasm = readFileSync(
      join(
        DIST,
        files.find((f) => f.endsWith("duckdb-eh.wasm"))!,
      ),
    );
    expect([...wasm.subarray(0, 4)]).toEqual([0x00, 0x61, 0x73, 0x6d]); // "\0asm"
  });

  test("no page or script in dist references an external host", () => {
    const files = distFiles().filter((f) => /\.(html|js|css)$/.test(f));
    expect(files.length).toBeGreaterThan(5);
    // Hosts that appear as identifiers, not as places to fetch from: XML namespaces, and the
    // repository URL inside duckdb-wasm's bundled package metadata.
    const inert = new Set(["www.w3.org", "github.com"]);
    const found = new Map<string, string>();
    for (const f of files) {
      const text = readFileSync(join(DIST, f), "utf-8");
      for (const m of text.matchAll(/\b(?:https?:)?\/\/([a-z0-9-]+(?:\.[a-z0-9-]+)+)(?=[/:"'`?#\s)]|$)/gi)) {
        const host = m[1]!.toLowerCase();
        if (host === "127.0.0.1" || inert.has(host)) continue;
        if (!found.has(host)) found.set(host, f);
      }
      expect(text, f).not.toMatch(
        /cdn\.jsdelivr\.net|fonts\.googleapis|extensions\.duckdb\.org|registry\.npmjs\.org|unpkg\.com|esm\.sh/,
      );
    }
    expect(Object.fromEntries(found)).toEqual({});
  });

  test("every page is built and links its scripts locally", () => {
    expect(existsSync(join(DIST, "index.html"))).toBe(true);
    for (const f of distFiles().filter((f) => f.endsWith(".html"))) {
      const html = readFileSync(join(DIST, f), "utf-8");
      for (const m of html.matchAll(/\b(?:src|href)="([^"]+)"/g)) {
        expect(m[1], `${f}`).not.toMatch(/^(https?:)?\/\//);
      }
    }
  });
});
