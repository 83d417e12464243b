import { describe, expect, it, beforeAll } from "vitest";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createHash } from "node:crypto";
import type { Cell } from "../lib/domain/types.ts";
import {
  DEFAULT_SEED,
  generateSynthetic,
  shareTenths,
  syntheticCsv,
  type SyntheticDataset,
} from "../lib/synth/generate.ts";
import { MeasurementIndex } from "../lib/rules/measurement-index.ts";
import { evaluate } from "../lib/rules/evaluate.ts";
import type { Month } from "../lib/domain/types.ts";
import { halfYearMonths, monthRange } from "../lib/domain/month.ts";
import { MUNICIPALITIES } from "../lib/domain/municipalities.ts";
import { OFFER_GROUPS, REQUIRING_GROUPS } from "../lib/domain/benefit-groups.ts";
import { runSynth } from "../cli/synth.ts";

const ROOT = new URL("../", import.meta.url).pathname;
let ds: SyntheticDataset;
let csv: string;

beforeAll(() => {
  ds = generateSynthetic(DEFAULT_SEED);
  csv = syntheticCsv(ds);
});

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { stdout: (s: string) => void out.push(s), stderr: (s: string) => void err.push(s), env: {} },
    out,
    err,
  };
}

describe("synthetic generator", () => {
  it("covers all 98 municipalities × 60 months with Table 1's rows (9 samtaler, 4 tilbud, 2 alle)", () => {
    const months = monthRange("2021-01", "2025-12");
    expect(ds.cells).toHaveLength(98 * 60 * 15);
    const keys = new Set(ds.cells.map((c) => `${c.municipalityCode}|${c.benefitGroup}|${c.measure}|${c.month}`));
    expect(keys.size).toBe(ds.cells.length);
    const offer = new Set(OFFER_GROUPS.map((g) => g.id));
    for (const m of MUNICIPALITIES) {
      for (const month of [months[0]!, months[59]!]) {
        for (const g of REQUIRING_GROUPS) {
          expect(keys.has(`${m.code}|${g.id}|samtaler|${month}`)).toBe(true);
          expect(keys.has(`${m.code}|${g.id}|tilbud|${month}`)).toBe(offer.has(g.id));
        }
        expect(keys.has(`${m.code}|alle|samtaler|${month}`)).toBe(true);
        expect(keys.has(`${m.code}|alle|tilbud|${month}`)).toBe(true);
      }
    }
  });

  it("writes counts and shares that agree exactly (100·W/P rounded half up) and suppresses small cells", () => {
    let checked = 0;
    const bad: string[] = [];
    for (const c of ds.cells) {
      const where = `${c.municipalityCode}|${c.benefitGroup}|${c.measure}|${c.month}`;
      if (c.population === null) {
        if (c.without !== null || c.shareWithout !== null) bad.push(`${where}: partly suppressed`);
        continue;
      }
      const w = c.without;
      const s = c.shareWithout;
      if (w === null || s === null || !Number.isInteger(c.population) || !Number.isInteger(w))
        bad.push(`${where}: counts`);
      else if (c.population < 5 || w < 0 || w > c.population) bad.push(`${where}: ${w}/${c.population}`);
      else if (s.den !== 10) bad.push(`${where}: den ${s.den}`);
      // independent check via exact rational rounding: x − 1/2 < t ≤ x + 1/2 with x = 1000W/P (ties up)
      else if (!(
        2 * (1000 * w - s.num * c.population) < c.population && 2 * (s.num * c.population - 1000 * w) <= c.population
      )) {
        bad.push(`${where}: ${w}/${c.population} → ${s.num}/10`);
      }
      checked++;
    }
    expect(bad.slice(0, 5)).toEqual([]);
    expect(checked).toBeGreaterThan(50_000);
    expect(shareTenths(7, 35)).toBe(200);
    expect(shareTenths(1, 8)).toBe(125); // 12.5 exactly
    expect(shareTenths(1, 16)).toBe(63); // 6.25 → 6.3 (half up)
  });

  it("sums the alle rows from the groups (all groups known in København)", () => {
    const kbh = ds.cells.filter((c) => c.municipalityCode === "101");
    const offer = new Set<string>(OFFER_GROUPS.map((g) => g.id));
    for (const month of ["2021-01", "2023-07", "2025-12"]) {
      for (const measure of ["samtaler", "tilbud"] as const) {
        const groups = kbh.filter((c) => c.month === month && c.measure === measure && c.benefitGroup !== "alle");
        expect(groups).toHaveLength(measure === "samtaler" ? 9 : 4);
        if (measure === "tilbud") expect(groups.every((g) => offer.has(g.benefitGroup))).toBe(true);
        const alle = kbh.find((c) => c.month === month && c.measure === measure && c.benefitGroup === "alle")!;
        expect(alle.population).toBe(groups.reduce((a, g) => a + g.population!, 0));
        expect(alle.without).toBe(groups.reduce((a, g) => a + g.without!, 0));
      }
    }
  });

  it("scales with size: København largest, Læsø/Fanø/Samsø/Ærø tiny", () => {
    const mean = (code: string) => {
      const xs = ds.cells.filter(
        (c) => c.municipalityCode === code && c.benefitGroup === "alle" && c.measure === "samtaler",
      );
      return xs.reduce((a, c) => a + (c.population ?? 0), 0) / xs.length;
    };
    const kbh = mean("101");
    for (const m of MUNICIPALITIES) if (m.code !== "101") expect(mean(m.code)).toBeLessThan(kbh);
    for (const tiny of ["825", "563", "741", "492"]) {
      const cells = ds.cells.filter((c) => c.municipalityCode === tiny);
      const groupSmall = cells.filter((c) => c.benefitGroup !== "alle" && (c.population === null || c.population < 10));
      expect(groupSmall.length / cells.filter((c) => c.benefitGroup !== "alle").length).toBeGreaterThan(0.5);
      const aggSmall = cells.filter((c) => c.benefitGroup === "alle" && (c.population === null || c.population < 10));
      expect(aggSmall.length).toBeGreaterThan(0);
    }
  });

  it("has cells exactly on 20.0 % (counts W = P/5)", () => {
    const exact = ds.cells.filter((c) => c.population !== null && 5 * c.without! === c.population);
    expect(exact.length).toBeGreaterThan(20);
    expect(exact.every((c) => c.shareWithout!.num === 200)).toBe(true);
    const { code, month } = ds.scenario.exact20Aggregate;
    for (const measure of ["samtaler", "tilbud"] as const) {
      const a = ds.cells.find(
        (c) => c.municipalityCode === code && c.benefitGroup === "alle" && c.measure === measure && c.month === month,
      )!;
      expect(5 * a.without!).toBe(a.population);
    }
  });

  it("is calibrated: 8–20 flagged in 2025H1, a flagged positive-trend case, every status in 2021–2025", () => {
    const h1 = verdicts(ds.cells, halfYearMonths({ year: 2025, half: 1 }));
    expect(h1).toHaveLength(98);
    const flagged = h1.filter((r) => r.status === "flagged");
    expect(flagged.length).toBeGreaterThanOrEqual(8);
    expect(flagged.length).toBeLessThanOrEqual(20);
    const rec = h1.find((r) => r.code === ds.scenario.recovering)!;
    expect(rec.criteria.samtaler).toBe("flagged");
    expect(rec.positiveTrend.samtaler).toBe(true);
    // Læsø: known aggregate populations are all below 10, the rest suppressed → never evaluable
    expect(["not-covered", "insufficient-data"]).toContain(h1.find((r) => r.code === "825")!.status);
    const gap = ds.scenario.gaps.find((g) => g.month === "2025-04")!;
    expect(h1.find((r) => r.code === gap.code)!.status).toBe("insufficient-data");

    const seen = new Set<string>();
    for (let y = 2021; y <= 2025; y++) {
      for (const half of [1, 2] as const) {
        for (const r of verdicts(ds.cells, halfYearMonths({ year: y, half }))) {
          if (r.code === "825") seen.add(`laesoe:${r.status}`);
          seen.add(r.status);
          for (const s of Object.values(r.criteria)) seen.add(`criterion:${s}`);
        }
      }
    }
    for (const s of ["flagged", "compliant", "not-covered", "insufficient-data"]) {
      expect(seen.has(s)).toBe(true);
      expect(seen.has(`criterion:${s}`)).toBe(true);
    }
    expect(seen.has("laesoe:not-covered")).toBe(true);
    expect(seen.has("laesoe:flagged") || seen.has("laesoe:compliant")).toBe(false);
    // exactly 20.0 % is no breach: the exact-20 municipality is not flagged in 2024H1
    const x = verdicts(ds.cells, halfYearMonths({ year: 2024, half: 1 })).find(
      (r) => r.code === ds.scenario.exact20Aggregate.code,
    )!;
    expect(x.criteria.samtaler).toBe("compliant");
  });

  it("is deterministic per seed and differs between seeds", () => {
    expect(syntheticCsv(generateSynthetic(DEFAULT_SEED))).toBe(csv);
    const other: Cell[] = generateSynthetic(7).cells as Cell[];
    expect(writeFirst(other)).not.toBe(writeFirst(ds.cells));
    expect(() => generateSynthetic(-1)).toThrow(/seed/);
  });
});

/** Verdicts of the real rules engine (opfoelgning-2024, defaults) for a window. */
function verdicts(cells: readonly Cell[], window: Month[]) {
  const e = evaluate(new MeasurementIndex({ cells, names: new Map(), warnings: [] }), {
    ruleSet: "opfoelgning-2024",
    window,
    period: "x",
  });
  return e.municipalities.map((m) => ({
    code: m.code,
    status: m.status,
    criteria: Object.fromEntries(m.criteria.map((c) => [c.criterion, c.status])) as Record<string, string>,
    positiveTrend: Object.fromEntries(
      m.criteria.map((c) => [c.criterion, c.exemptionCandidates.some((x) => x.code === "positive-trend")]),
    ) as Record<string, boolean>,
  }));
}

function writeFirst(cells: readonly Cell[]): string {
  return JSON.stringify(cells.slice(0, 200));
}

describe("tidlig-indsats synth", () => {
  it("regenerates the committed snapshot byte for byte, with a matching manifest", async () => {
    const dir = mkdtempSync(join(tmpdir(), "synth-"));
    try {
      const { io, out, err } = capture();
      expect(await runSynth(["--seed", String(DEFAULT_SEED), "--out", join(dir, "a")], io)).toBe(0);
      expect(err.join("")).toBe("");
      expect(out.join("")).toMatch(/88200 rows/);
      const written = readFileSync(join(dir, "a", "measurements.csv"));
      const committed = readFileSync(join(ROOT, "data/synthetic/measurements.csv"));
      expect(written.equals(committed)).toBe(true);
      const manifestText = readFileSync(join(dir, "a", "manifest.json"), "utf8");
      expect(manifestText).toBe(readFileSync(join(ROOT, "data/synthetic/manifest.json"), "utf8"));
      const manifest = JSON.parse(manifestText);
      expect(manifest).toEqual({
        synthetic: true,
        generator: "tidlig-indsats synth",
        generatorVersion: expect.stringMatching(/^\d+\.\d+\.\d+$/),
        seed: DEFAULT_SEED,
        rows: 88200,
        municipalities: 98,
        months: { from: "2021-01", to: "2025-12" },
        sha256: createHash("sha256").update(written).digest("hex"),
      });
      expect(written.toString("utf8").split("\n").length - 2).toBe(manifest.rows);
      // a second run over the existing directory gives identical bytes
      expect(await runSynth(["--seed", String(DEFAULT_SEED), "--out", join(dir, "a")], capture().io)).toBe(0);
      expect(readFileSync(join(dir, "a", "measurements.csv")).equals(committed)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("rejects bad usage with exit code 2 and writes nothing", async () => {
    const dir = mkdtempSync(join(tmpdir(), "synth-"));
    try {
      for (const args of [["--seed", "abc"], ["--seed"], ["--frobnicate"], ["--seed", "99999999999"]]) {
        const { io, err } = capture();
        expect(await runSynth([...args, "--out", join(dir, "x")], io)).toBe(2);
        expect(err.join("")).toMatch(/synth: /);
      }
      expect(() => readFileSync(join(dir, "x", "manifest.json"))).toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("committed data files are readable by the importer", () => {
  it("parses data/synthetic/measurements.csv into the generated cells, without warnings", async () => {
    const { parseLongCsv } = await import("../lib/import/index.ts");
    const m = parseLongCsv(readFileSync(join(ROOT, "data/synthetic/measurements.csv"), "utf8"), "measurements.csv");
    expect(m.cells).toHaveLength(ds.cells.length);
    expect(m.warnings).toEqual([]);
    const key = (c: Cell) =>
      `${c.municipalityCode}|${c.benefitGroup}|${c.measure}|${c.month}|${c.population}|${c.without}|${c.shareWithout?.num}`;
    const parsed = new Set(m.cells.map(key));
    expect(ds.cells.filter((c) => !parsed.has(key(c))).slice(0, 3)).toEqual([]);
  });
  it("parses the real Ishøj reference figures (39 rows, shares only)", async () => {
    const { parseLongCsv } = await import("../lib/import/index.ts");
    const text = readFileSync(join(ROOT, "data/reference/ishoej-2022-09-11.csv"), "utf8");
    const m = parseLongCsv(text, "ishoej-2022-09-11.csv");
    expect(m.cells).toHaveLength(39);
    expect(m.cells.every((c) => c.municipalityCode === "183" && c.population === null)).toBe(true);
    expect(readFileSync(join(ROOT, "data/skaerpet-tilsyn.csv"), "utf8")).toBe("municipality_code,from,to\n");
  });
});
