/**
 * The site's data: ONE decision (cli/site-data.ts) makes both the measurements shown and their
 * provenance, from the same bytes; the loader (src/data/site.tar.ts) ships both in one archive and
 * fails loudly (stderr, non-zero exit).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import type { ServerResponse } from "node:http";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { decideSiteData, type SiteData } from "../cli/site-data.ts";
import { isSyntheticFile } from "../cli/inputs.ts";
import { parseLongCsv } from "../lib/import/long-csv.ts";
import { decodeMeasurementsBinary } from "../lib/io/measurements-binary.ts";
import { generateSynthetic } from "../lib/synth/generate.ts";
import { startFakeJobindsats, type FakeServer } from "./fixtures/jobindsats/fake-server.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const tsx = createRequire(import.meta.url).resolve("tsx");
const sha256 = (b: Uint8Array | string) => createHash("sha256").update(b).digest("hex");

/** The files of a ustar archive, read with the format's own rules (not with our writer's code). */
function untar(archive: Buffer): Record<string, Buffer> {
  const files: Record<string, Buffer> = {};
  for (let at = 0; at + 512 <= archive.length;) {
    const header = archive.subarray(at, at + 512);
    if (header.every((b) => b === 0)) break;
    const name = header.subarray(0, 100).toString("utf8").replace(/\0.*$/s, "");
    const size = parseInt(header.subarray(124, 136).toString("ascii").replace(/\0.*$/s, "").trim(), 8);
    let sum = 0;
    for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 32 : header[i]!;
    expect(parseInt(header.subarray(148, 156).toString("ascii"), 8), `checksum of ${name}`).toBe(sum);
    files[name] = archive.subarray(at + 512, at + 512 + size);
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return files;
}

function runLoader(env: Record<string, string> = {}) {
  const { JOBINDSATS_TOKEN: _token, ...rest } = process.env;
  return spawnSync(process.execPath, ["--import", tsx, "src/data/site.tar.ts"], {
    cwd: ROOT,
    env: { ...rest, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
}

describe("site data loader", () => {
  it("ships the synthetic default byte for byte, with a provenance naming those bytes' SHA-256", () => {
    const r = runLoader({ TIDLIG_INDSATS_DATA: "synthetic" });
    expect(r.status).toBe(0);
    const files = untar(r.stdout);
    expect(Object.keys(files).sort()).toEqual(["measurements.bin", "measurements.csv", "provenance.json"]);
    const csv = files["measurements.csv"]!;
    expect(csv.equals(readFileSync(join(ROOT, "data/synthetic/measurements.csv")))).toBe(true);
    const p = JSON.parse(files["provenance.json"]!.toString("utf8"));
    expect(p).toMatchObject({ kind: "synthetic", synthetic: true, file: "data/synthetic/measurements.csv" });
    expect(p.sha256).toBe(sha256(csv));
    expect(p.bytes).toBe(csv.length);
    // The pages' compact form: named by its own hash, and the same rows as the CSV beside it.
    const bin = files["measurements.bin"]!;
    expect(p.binary).toEqual({ file: "measurements.bin", sha256: sha256(bin), bytes: bin.length });
    const fromCsv = parseLongCsv(csv.toString("utf8"), "m.csv");
    expect(decodeMeasurementsBinary(bin, "m.bin").cells).toEqual(fromCsv.cells);
    expect(p.manifest).toMatchObject({ synthetic: true, seed: 2024, rows: 88200 });
    expect(p.fetch).toEqual({ attempted: false, why: "no-token" });
    expect(p.rulesVersion).toBe(JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version);
    expect(r.stderr.toString()).toContain("synthetic");
  });

  it("fails with a message on stderr and a non-zero exit when the asked-for data is missing", () => {
    const r = runLoader({ TIDLIG_INDSATS_DATA: "live", TIDLIG_FETCH_MAX_AGE_MINUTES: "0" });
    expect(r.status).not.toBe(0);
    expect(r.stdout.length).toBe(0);
    expect(r.stderr.toString()).toMatch(/site data: .*live/);
  });
});

describe("one data decision with a live fetch", () => {
  const TOKEN = "site-token-5d1e2f3a4b";
  let root: string;
  let fake: FakeServer;
  const logged: string[] = [];
  const failures = { times: 0 };
  const decide = (env: Record<string, string>): Promise<SiteData> =>
    decideSiteData({
      root,
      env: { JOBINDSATS_TOKEN: TOKEN, JOBINDSATS_BASE_URL: fake.baseUrl, ...env },
      log: (s) => void logged.push(s),
      fetch: { from: "2025-01", to: "2025-02", maxAttempts: 2, backoffBaseMs: 1 },
    });
  /** What a page would show: the bytes and the provenance must describe each other. */
  const expectConsistent = (d: SiteData) => {
    expect(d.provenance.sha256).toBe(sha256(d.csv));
    expect(d.provenance.manifest.sha256).toBe(sha256(d.csv));
    expect(d.provenance.synthetic).toBe(d.provenance.kind === "synthetic");
    expect(d.provenance.manifest.synthetic).toBe(d.provenance.synthetic);
    expect(d.csv.equals(readFileSync(join(root, d.provenance.file)))).toBe(true);
    expect(d.provenance.binary.sha256).toBe(sha256(d.binary));
  };

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), "site-data-"));
    mkdirSync(join(root, "data"), { recursive: true });
    cpSync(join(ROOT, "data/synthetic"), join(root, "data/synthetic"), { recursive: true });
    cpSync(join(ROOT, "package.json"), join(root, "package.json"));
    const cells = generateSynthetic(2024).cells.filter((c) => c.municipalityCode === "183");
    const fault = {
      match: () => true,
      get times() {
        return failures.times;
      },
      set times(n: number) {
        failures.times = n;
      },
      handle: (res: ServerResponse) => {
        res.writeHead(503, { "content-type": "text/plain" });
        res.end("Service Unavailable");
      },
    };
    fake = await startFakeJobindsats({ token: TOKEN, cells, codes: ["183"], faults: [fault] });
  });

  afterAll(async () => {
    await fake.close();
    rmSync(root, { recursive: true, force: true });
    expect(logged.join("")).not.toContain(TOKEN);
  });

  it("a fetch failing on its first attempts: the synthetic data, said so, never a live label over it", async () => {
    failures.times = 3; // more than the two attempts of the one request the decision makes
    const first = await decide({});
    expectConsistent(first);
    expect(first.provenance.kind).toBe("synthetic");
    expect(first.provenance.fetch).toMatchObject({ attempted: true, ok: false });
    expect(first.provenance.reason).toMatch(/live fetch failed/);
    // the server now answers (one failure left, within the retries): the next build shows live data
    const second = await decide({});
    expectConsistent(second);
    expect(second.provenance.kind).toBe("live");
    expect(second.provenance.fetch).toEqual({ attempted: true, ok: true });
    expect(second.csv.toString("utf8")).toMatch(/^183,Ishøj,/m);
    expect(second.provenance.manifest.rows).toBe(2 * 15);
  });

  it("a later failed fetch keeps the earlier live snapshot and says so; demanding live data fails loudly", async () => {
    failures.times = 99;
    const d = await decide({ TIDLIG_FETCH_MAX_AGE_MINUTES: "0" });
    expectConsistent(d);
    expect(d.provenance.kind).toBe("live");
    expect(d.provenance.fetch).toMatchObject({ attempted: true, ok: false });
    await expect(decide({ TIDLIG_FETCH_MAX_AGE_MINUTES: "0", TIDLIG_INDSATS_DATA: "live" })).rejects.toThrow(
      /live fetch failed/,
    );
    // a fresh snapshot (younger than the maximum age) is used without asking the server
    const before = fake.requests.length;
    const fresh = await decide({});
    expect(fake.requests.length).toBe(before);
    expect(fresh.provenance.fetch).toEqual({ attempted: false, why: "fresh" });
    failures.times = 0;
  });
});

describe("a manifest is never taken for real data unless it says so (fail closed)", () => {
  it.each([
    ["unreadable JSON", "{ not json", true],
    ["no synthetic field", '{"rows": 3}', true],
    ["null", "null", true],
    ['"synthetic": "no"', '{"synthetic": "no"}', true],
    ['"synthetic": true', '{"synthetic": true}', true],
    ['"synthetic": false', '{"synthetic": false}', false],
  ])("%s → synthetic %s", (_name, manifest, synthetic) => {
    const dir = mkdtempSync(join(tmpdir(), "manifest-"));
    try {
      writeFileSync(join(dir, "manifest.json"), manifest);
      expect(isSyntheticFile(join(dir, "measurements.csv"))).toBe(synthetic);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
