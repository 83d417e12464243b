/** `evaluate --as-of`: the JSON fields of docs/cli.md and the Udsigt section of the text report. */
import { describe, expect, it } from "vitest";
import { runCli, SYNTHETIC } from "./helpers/cli.ts";
import { MUNICIPALITIES } from "../lib/domain/municipalities.ts";

interface MonthJson {
  month: string;
  population: number | null;
  without: number | null;
  breach: boolean | null;
  source?: string;
}
interface CriterionJson {
  id: string;
  status: string;
  outlook: string;
  extraNeeded: (number | null)[];
  drivers?: { group: string; excess: number }[];
  months: MonthJson[];
}
interface Doc {
  asOf: string;
  window: string[];
  municipalities: {
    code: string;
    outlook: string;
    rank: Record<string, { position: number; of: number }>;
    criteria: CriterionJson[];
  }[];
  benchmarks: Record<
    string,
    {
      national: { month: string; population: number; without: number; shareWithout: number | null; partial: boolean }[];
      regions: Record<string, unknown[]>;
      amk: Record<string, unknown[]>;
    }
  >;
}

async function json(...args: string[]): Promise<Doc> {
  const r = await runCli("evaluate", "--input", SYNTHETIC, "--period", "2025H2", "--format", "json", ...args);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Doc;
}

describe("evaluate --as-of (docs/cli.md)", async () => {
  const doc = await json("--as-of", "2025-09");
  const complete = await json();

  it("carries asOf, defaulting to the last month in the data", () => {
    expect(doc.asOf).toBe("2025-09");
    expect(complete.asOf).toBe("2025-12");
  });

  it("treats the months after asOf as not yet published", () => {
    for (const m of doc.municipalities)
      for (const c of m.criteria)
        for (const x of c.months.filter((x) => x.month > doc.asOf))
          expect(x).toMatchObject({ population: null, breach: null });
  });

  it("gives every municipality and criterion an outlook; a complete window gives the verdict", () => {
    const states = new Set(["safe", "at-risk", "no-data-yet"]);
    for (const m of doc.municipalities) {
      expect(states.has(m.outlook), m.code).toBe(true);
      for (const c of m.criteria) expect(states.has(c.outlook), `${m.code} ${c.id}`).toBe(true);
      const at = m.criteria.some((c) => c.outlook === "at-risk");
      expect(m.outlook === "at-risk").toBe(at);
    }
    for (const m of complete.municipalities) {
      expect(m.outlook).toBe((m as unknown as { status: string }).status);
      for (const c of m.criteria) expect(c.outlook).toBe(c.status);
    }
    expect(doc.municipalities.filter((m) => m.outlook === "at-risk").length).toBeGreaterThan(0);
  });

  it("never calls safe what the complete window flags", () => {
    const final = new Map(complete.municipalities.map((m) => [m.code, m]));
    for (const m of doc.municipalities) {
      for (const c of m.criteria) {
        const end = final.get(m.code)!.criteria.find((x) => x.id === c.id)!;
        if (c.outlook === "safe") expect(end.status, `${m.code} ${c.id}`).not.toBe("flagged");
        if (end.status === "flagged") expect(c.outlook, `${m.code} ${c.id}`).toBe("at-risk");
      }
    }
  });

  it("gives extraNeeded per window month: the fewest citizens that lift a breach month under the limit", () => {
    let checked = 0;
    for (const m of doc.municipalities) {
      for (const c of m.criteria) {
        expect(c.extraNeeded).toHaveLength(doc.window.length);
        c.months.forEach((x, k) => {
          const e = c.extraNeeded[k];
          if (x.month > doc.asOf || !x.breach || x.population === null || x.without === null)
            return expect(e, `${m.code} ${x.month}`).toBeNull();
          if (x.source === "partial-sum") return expect(e).toBeNull();
          // Brute force: the smallest n with (W − n) / P ≤ 20 %.
          let n = 0;
          while (5 * (x.without! - n) > x.population!) n++;
          expect(e, `${m.code} ${c.id} ${x.month}`).toBe(n);
          checked++;
        });
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it("gives drivers for the overall criteria, sorted descending, to one decimal", () => {
    const withDrivers = doc.municipalities.flatMap((m) => m.criteria).filter((c) => c.drivers);
    expect(withDrivers.length).toBeGreaterThan(0);
    for (const c of withDrivers) {
      const excess = c.drivers!.map((d) => d.excess);
      expect(excess).toEqual([...excess].sort((a, b) => b - a));
      for (const x of excess) expect(Math.round(x * 10) / 10).toBe(x);
    }
  });

  it("gives national, regional and AMK benchmarks per measure and published month, and ranks", () => {
    const regions = [...new Set(MUNICIPALITIES.map((m) => m.regionCode))].sort();
    const amks = [...new Set(MUNICIPALITIES.map((m) => m.amk))].sort();
    for (const measure of ["samtaler", "tilbud"]) {
      const b = doc.benchmarks[measure]!;
      expect(b.national.map((p) => p.month)).toEqual(["2025-07", "2025-08", "2025-09"]);
      expect(Object.keys(b.regions).sort()).toEqual(regions);
      expect(Object.keys(b.amk).sort()).toEqual(amks);
      // ΣW / ΣP recomputed from the municipalities' own months with exact counts.
      const july = doc.municipalities
        .map((m) => m.criteria.find((c) => c.id === measure)?.months[0])
        .filter((x) => x && x.population !== null && x.without !== null && x.source !== "partial-sum");
      const p = july.reduce((s, x) => s + x!.population!, 0);
      const w = july.reduce((s, x) => s + x!.without!, 0);
      expect(b.national[0]).toMatchObject({ population: p, without: w, partial: july.length < 98 });
    }
    const ranked = doc.municipalities.filter((m) => m.rank.samtaler);
    expect(ranked.length).toBeGreaterThan(90);
    expect(Math.min(...ranked.map((m) => m.rank.samtaler!.position))).toBe(1);
  });

  it("adds an Udsigt section to the text report only while the window is incomplete", async () => {
    const running = await runCli("evaluate", "--input", SYNTHETIC, "--period", "2025H2", "--as-of", "2025-09");
    expect(running.stdout).toContain("Udsigt pr. sep. 2025");
    expect(running.stdout).toMatch(/I risiko for udpegning: .*Højst \d+ af \d+ borgere uden .* i én måned er nok/);
    expect(running.stdout).toContain("beregnet");
    expect(running.stdout).toContain("SYNTETISKE DATA");
    const done = await runCli("evaluate", "--input", SYNTHETIC, "--period", "2025H2");
    expect(done.stdout).not.toContain("Udsigt");
  });

  it("rejects an as-of that is not a month as wrong usage", async () => {
    const r = await runCli("evaluate", "--input", SYNTHETIC, "--period", "2025H2", "--as-of", "sept");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--as-of");
  });
});
