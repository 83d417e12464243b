import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fetchIfToken, resolveDataSource } from "../cli/data-source.ts";
import { generateSynthetic } from "../lib/synth/generate.ts";
import { startFakeJobindsats, type FakeServer } from "./fixtures/jobindsats/fake-server.ts";

const ROOT = new URL("../", import.meta.url).pathname;
const TOKEN = "ds-token-0c9e8f7a6b5d";
let root: string;
let fake: FakeServer;
const stderr: string[] = [];
const log = (s: string) => void stderr.push(s);

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "datasource-"));
  mkdirSync(join(root, "data"), { recursive: true });
  cpSync(join(ROOT, "data/synthetic"), join(root, "data/synthetic"), { recursive: true });
  const cells = generateSynthetic(2024).cells.filter((c) => c.municipalityCode === "183");
  fake = await startFakeJobindsats({ token: TOKEN, cells, codes: ["183"] });
});

afterAll(async () => {
  await fake.close();
  rmSync(root, { recursive: true, force: true });
  expect(stderr.join("")).not.toContain(TOKEN);
});

describe("resolveDataSource / fetchIfToken", () => {
  it("uses the committed synthetic data when there is no live snapshot", () => {
    const ds = resolveDataSource(root, {});
    expect(ds.kind).toBe("synthetic");
    expect(ds.csvPath).toBe(join(root, "data/synthetic/measurements.csv"));
    expect(ds.manifest.synthetic).toBe(true);
    expect(ds.reason).toMatch(/no live snapshot/);
    expect(() => resolveDataSource(root, { TIDLIG_INDSATS_DATA: "live" })).toThrow(/no valid live snapshot/);
    expect(resolveDataSource(ROOT, { TIDLIG_INDSATS_DATA: "synthetic" }).kind).toBe("synthetic");
  });

  it("does nothing without a token, fetches with one, and then prefers the live snapshot", async () => {
    expect(await fetchIfToken(root, {}, log)).toEqual({ attempted: false, ok: false, error: null });
    const env = { JOBINDSATS_TOKEN: TOKEN };
    const r = await fetchIfToken(root, env, log, {
      baseUrl: fake.baseUrl,
      from: "2025-01",
      to: "2025-02",
      backoffBaseMs: 1,
    });
    expect(r).toEqual({ attempted: true, ok: true, error: null });
    const ds = resolveDataSource(root, {});
    expect(ds.kind).toBe("live");
    expect(ds.manifest.synthetic).toBe(false);
    expect(ds.manifest.rows).toBe(2 * 15);
    expect(resolveDataSource(root, { TIDLIG_INDSATS_DATA: "synthetic" }).kind).toBe("synthetic");
    // a failing fetch (wrong token) keeps the live snapshot usable
    const bad = await fetchIfToken(root, { JOBINDSATS_TOKEN: "wrong", JOBINDSATS_BASE_URL: fake.baseUrl }, log, {
      maxAttempts: 1,
    });
    expect(bad).toMatchObject({ attempted: true, ok: false });
    expect(bad.error).toMatch(/nøgle|key|token/i);
    expect(resolveDataSource(root, {}).kind).toBe("live");
  });

  it("falls back to the synthetic data when the live CSV does not match its manifest", () => {
    appendFileSync(join(root, "data/jobindsats/measurements.csv"), "183,Ishøj,alle,samtaler,2019-01,10,1,10.0\n");
    const ds = resolveDataSource(root, {});
    expect(ds.kind).toBe("synthetic");
    expect(ds.reason).toMatch(/does not match its manifest/);
    expect(readFileSync(ds.csvPath, "utf8").startsWith("municipality_code,")).toBe(true);
    expect(() => resolveDataSource(root, { TIDLIG_INDSATS_DATA: "maybe" })).toThrow(/must be "live" or "synthetic"/);
  });
});
