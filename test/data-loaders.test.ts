/** The site's data loaders: what they emit, and that they fail loudly (stderr, non-zero exit). */
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const tsx = createRequire(import.meta.url).resolve("tsx");

function runLoader(file: string, env: Record<string, string> = {}) {
  const { JOBINDSATS_TOKEN: _token, ...rest } = process.env;
  return spawnSync(process.execPath, ["--import", tsx, file], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...rest, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
}

describe("data loaders", () => {
  it("measurements.csv emits the synthetic default byte for byte when there is no live snapshot", () => {
    const r = runLoader("src/data/measurements.csv.ts", { TIDLIG_INDSATS_DATA: "synthetic" });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(readFileSync(`${ROOT}/data/synthetic/measurements.csv`, "utf8"));
    expect(r.stderr).toContain("synthetic");
  });
  it("provenance.json says the data is synthetic and carries the manifest", () => {
    const r = runLoader("src/data/provenance.json.ts", { TIDLIG_INDSATS_DATA: "synthetic" });
    expect(r.status).toBe(0);
    const p = JSON.parse(r.stdout);
    expect(p).toMatchObject({ kind: "synthetic", synthetic: true, file: "data/synthetic/measurements.csv" });
    expect(p.manifest).toMatchObject({ synthetic: true, seed: 2024, rows: 88200 });
  });
  it("fails with a message on stderr and a non-zero exit when the asked-for data is missing", () => {
    const r = runLoader("src/data/measurements.csv.ts", {
      TIDLIG_INDSATS_DATA: "live",
      TIDLIG_FETCH_MAX_AGE_MINUTES: "0",
    });
    expect(r.status).not.toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/measurements: .*live/);
  });
});
