/**
 * Every build re-decides which data is current, and the built site ships exactly what its
 * provenance names. A small Framework project in a temporary folder (the real data loader, a page
 * that uses both files) is built with the real `observable build`:
 * - `synth --seed 7` after a build: Framework 1.13.4 alone keeps the old data (it reuses a loader's
 *   output while it is newer than the loader script); with the prebuild step's cache drop
 *   (scripts/offline/data-cache.ts) the rebuild shows the new data;
 * - a token set and a fetch that fails: the synthetic data, said to be so, with the failure
 *   recorded; the next build, with the server answering, shows the live data.
 * In every build the SHA-256 in dist/'s provenance is that of dist/'s measurements file.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { clearSiteDataCache } from "../scripts/offline/data-cache.ts";
import { fillNpmCache, NPM_CACHE } from "../scripts/offline/fill-npm-cache.ts";
import { generateSynthetic } from "../lib/synth/generate.ts";
import { siteBuild } from "./browser/site-build.ts";
import { respond, startFakeJobindsats, type FakeServer } from "./fixtures/jobindsats/fake-server.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const run = promisify(execFile);
const observable = createRequire(import.meta.url).resolve("@observablehq/framework/dist/bin/observable.js");
const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
const TOKEN = "rebuild-token-7c6b5a4d3e";

let project: string;
let fake: FakeServer;
const failures = { times: 0 };

/** Builds the temporary project (async: the fake server answers the loader meanwhile). */
async function build(env: Record<string, string> = {}, { dropCache = true } = {}) {
  if (dropCache) clearSiteDataCache(join(project, "src"));
  const { JOBINDSATS_TOKEN: _t, TIDLIG_INDSATS_DATA: _d, ...rest } = process.env;
  const r = await run(process.execPath, [observable, "build"], {
    cwd: project,
    env: {
      ...rest,
      ...env,
      PATH: `${join(ROOT, "node_modules", ".bin")}:${process.env.PATH ?? ""}`,
      OBSERVABLE_TELEMETRY_DISABLE: "true",
    },
    maxBuffer: 64 * 1024 * 1024,
  });
  expect(`${r.stdout}${r.stderr}`).not.toContain(TOKEN);
  const dir = join(project, "dist", "_file", "data", "site");
  const files = readdirSync(dir);
  const csvName = files.find((f) => /^measurements\.[0-9a-f]+\.csv$/.test(f))!;
  const jsonName = files.find((f) => f.startsWith("provenance."))!;
  const csv = readFileSync(join(dir, csvName));
  const provenance = JSON.parse(readFileSync(join(dir, jsonName), "utf8"));
  // The property: the provenance names the very bytes shipped beside it.
  expect(provenance.sha256).toBe(sha256(csv));
  expect(readFileSync(join(project, "dist", "index.html"), "utf8")).toContain(csvName);
  return { csv, provenance };
}

beforeAll(async () => {
  // The whole suite builds the site meanwhile (test/browser/global-setup.ts), and that build reads
  // the offline npm cache that fillNpmCache below rewrites: wait until it has ended.
  await siteBuild();
  project = mkdtempSync(join(tmpdir(), "site-rebuild-"));
  mkdirSync(join(project, "src", "data"), { recursive: true });
  mkdirSync(join(project, "data"));
  cpSync(join(ROOT, "data", "synthetic"), join(project, "data", "synthetic"), { recursive: true });
  cpSync(join(ROOT, "package.json"), join(project, "package.json"));
  cpSync(join(ROOT, "src", "data", "site.tar.ts"), join(project, "src", "data", "site.tar.ts"));
  for (const dir of ["cli", "lib", "node_modules"]) symlinkSync(join(ROOT, dir), join(project, dir));
  // Framework's runtime needs a few npm modules: the project's offline cache (no network here).
  await fillNpmCache({ log: () => {} });
  cpSync(NPM_CACHE, join(project, "src", ".observablehq", "cache", "_npm"), { recursive: true });
  writeFileSync(
    join(project, "observablehq.config.js"),
    `export default {root: "src", title: "t", search: false, pager: false, preserveExtension: true};\n`,
  );
  writeFileSync(
    join(project, "src", "index.md"),
    "# Data\n\n```js\n" +
      'const provenance = await FileAttachment("data/site/provenance.json").json();\n' +
      'const measurements = FileAttachment("data/site/measurements.csv");\n' +
      "display(provenance.sha256, measurements.href);\n```\n",
  );
  const cells = generateSynthetic(2024).cells.filter((c) => c.municipalityCode === "183");
  const fault = { match: () => true, handle: respond(401, ""), times: 0 };
  Object.defineProperty(fault, "times", { get: () => failures.times, set: (n: number) => (failures.times = n) });
  fake = await startFakeJobindsats({ token: TOKEN, cells, codes: ["183"], faults: [fault] });
});

afterAll(async () => {
  await fake?.close();
  if (project) rmSync(project, { recursive: true, force: true });
});

describe("rebuilding the site", () => {
  it("shows regenerated synthetic data (synth --seed 7) after a rebuild", async () => {
    const first = await build();
    expect(first.provenance).toMatchObject({ kind: "synthetic", manifest: { seed: 2024 } });
    await run(process.execPath, [
      join(ROOT, "bin", "tidlig-indsats.mjs"),
      "synth",
      "--seed",
      "7",
      "--out",
      join(project, "data", "synthetic"),
    ]);
    // What Framework does by itself: the loader's cached output is newer than the loader, so it is reused.
    const stale = await build({}, { dropCache: false });
    expect(stale.provenance.manifest.seed).toBe(2024);
    // The prebuild step drops it: the rebuild decides again and ships the new data.
    const second = await build();
    expect(second.provenance).toMatchObject({ kind: "synthetic", manifest: { seed: 7 } });
    expect(second.csv.equals(readFileSync(join(project, "data", "synthetic", "measurements.csv")))).toBe(true);
    expect(second.provenance.sha256).not.toBe(first.provenance.sha256);
  }, 400_000);

  it("a token with a failing fetch builds the synthetic data and says so; the next build is live", async () => {
    const env = { JOBINDSATS_TOKEN: TOKEN, JOBINDSATS_BASE_URL: fake.baseUrl, TIDLIG_FETCH_MAX_AGE_MINUTES: "0" };
    failures.times = 1;
    const failed = await build(env);
    expect(failed.provenance).toMatchObject({
      kind: "synthetic",
      synthetic: true,
      fetch: { attempted: true, ok: false },
    });
    expect(failed.provenance.fetch.error).toMatch(/rejected|401/);
    const live = await build(env);
    expect(live.provenance).toMatchObject({ kind: "live", synthetic: false, fetch: { attempted: true, ok: true } });
    expect(live.csv.toString("utf8")).toMatch(/^183,Ishøj,/m);
    expect(live.provenance.file).toBe("data/jobindsats/measurements.csv");
  }, 400_000);
});
