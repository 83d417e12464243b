/**
 * The benchmark's alternative formulations (DuckDB SQL, arquero) must give exactly the verdicts of
 * the TypeScript kernel — on the synthetic data, on hand-made edge cases of docs/rules.md §3.2–3.5 and
 * on random data. No timings are asserted here (benchmarks live in `npm run bench`).
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { readMeasurements } from "../lib/import/index.ts";
import type { Measurements } from "../lib/domain/measurements.ts";
import type { Cell } from "../lib/domain/types.ts";
import { monthRange } from "../lib/domain/month.ts";
import { MeasurementIndex } from "../lib/rules/measurement-index.ts";
import type { EvaluationRequest } from "../lib/rules/evaluate.ts";
import { verdictStatuses } from "../lib/rules/fast-verdicts.ts";
import {
  diffVerdicts,
  fullEvaluationRequests,
  rawCells,
  requestRows,
  verdictsOfMatrices,
  type Verdicts,
} from "../bench/formulations/plan.ts";
import { duckdbFormulation, duckdbInstance } from "../bench/formulations/duckdb.ts";
import { arqueroFormulation } from "../bench/formulations/arquero.ts";
import { measurements, series, type Figure } from "./helpers/cells.ts";

interface Outcome {
  readonly ts: Verdicts;
  readonly duckdb: Verdicts;
  readonly arquero: Verdicts;
}

async function allThree(m: Measurements, requests: readonly EvaluationRequest[]): Promise<Outcome> {
  const index = new MeasurementIndex(m);
  const ts = verdictsOfMatrices(requests.map((r) => verdictStatuses(index, r)));
  const raw = rawCells(m);
  const rows = requestRows(requests);
  const duck = await duckdbFormulation(raw, rows);
  try {
    const duckdb = duck.verdicts(duck.run());
    const aq = arqueroFormulation(raw, rows);
    return { ts, duckdb, arquero: aq.verdicts(aq.run()) };
  } finally {
    duck.close();
  }
}

function expectIdentical(o: Outcome): void {
  expect(diffVerdicts(o.ts, o.duckdb), "DuckDB vs verdictStatuses").toEqual([]);
  expect(diffVerdicts(o.ts, o.arquero), "arquero vs verdictStatuses").toEqual([]);
}

beforeAll(async () => {
  await duckdbInstance(); // instantiating the wasm module takes a second or two
}, 30_000);

describe("formulations on the synthetic data", () => {
  const m = readMeasurements(
    readFileSync(new URL("../data/synthetic/measurements.csv", import.meta.url)),
    "measurements.csv",
  );
  it("the full evaluation of the benchmark (20 windows, both rule sets) is identical", async () => {
    const o = await allThree(m, fullEvaluationRequests());
    expect(o.ts.size).toBe(98 * 10 * (1 + 2) + 98 * 10 * (1 + 13)); // every municipality is fed by every criterion
    const statuses = new Set(o.ts.values());
    for (const s of ["flagged", "compliant", "not-covered", "insufficient-data"]) expect(statuses).toContain(s);
    expectIdentical(o);
  }, 30_000);

  it("is identical with other parameters (threshold 85.5, limit 15, minimum 12)", async () => {
    const o = await allThree(
      m,
      fullEvaluationRequests("2023-01", "2024-12", { threshold: 85.5, limit: 15, minPopulation: 12 }),
    );
    expectIdentical(o);
  }, 30_000);
});

const H1: EvaluationRequest = {
  ruleSet: "opfoelgning-2024",
  window: monthRange("2024-01", "2024-06"),
  period: "2024H1",
};
const Q1: EvaluationRequest = {
  ruleSet: "genopretning-2020",
  window: monthRange("2024-01", "2024-03"),
  period: "2024-01..2024-03",
};
/** A window that runs past the data (which ends 2024-06): its last months are unknown. */
const LATE: EvaluationRequest = {
  ruleSet: "opfoelgning-2024",
  window: monthRange("2024-04", "2024-09"),
  period: "2024-04..2024-09",
};

const six = (f: Figure): Figure[] => Array(6).fill(f);

/** One municipality per case; the expected status of `samtaler` (overall) on H1. */
const CASES: { code: string; why: string; cells: Cell[]; samtaler: string }[] = [
  {
    code: "101",
    why: "exactly 20 % without (7 of 35) is no breach",
    cells: series("101", "alle", "samtaler", "2024-01", six([35, 7])),
    samtaler: "compliant",
  },
  {
    code: "147",
    why: "8 of 35 is a breach in every month",
    cells: series("147", "alle", "samtaler", "2024-01", six([35, 8])),
    samtaler: "flagged",
  },
  {
    code: "151",
    why: "a published 20.0 is no breach",
    cells: series("151", "alle", "samtaler", "2024-01", six("20.0")),
    samtaler: "compliant",
  },
  {
    code: "153",
    why: "a published 20.1 is a breach",
    cells: series("153", "alle", "samtaler", "2024-01", six("20.1")),
    samtaler: "flagged",
  },
  {
    code: "155",
    why: "9 persons in one month: not covered, even though another month is calm",
    cells: series("155", "alle", "samtaler", "2024-01", [
      [40, 20],
      [9, 0],
      [40, 0],
      [40, 20],
      [40, 20],
      [40, 20],
    ]),
    samtaler: "not-covered",
  },
  {
    code: "157",
    why: "a suppressed month with all others breaches: insufficient data",
    cells: series("157", "alle", "samtaler", "2024-01", [[40, 20], null, [40, 20], [40, 20], [40, 20], [40, 20]]),
    samtaler: "insufficient-data",
  },
  {
    code: "159",
    why: "a suppressed month but a calm one: compliant",
    cells: series("159", "alle", "samtaler", "2024-01", [[40, 20], null, [40, 2], [40, 20], [40, 20], [40, 20]]),
    samtaler: "compliant",
  },
  {
    code: "161",
    why: "no alle row: ΣW/ΣP over the groups (5+4 of 20+20 = 22.5 %) breaches",
    cells: [
      ...series("161", "dagpenge", "samtaler", "2024-01", six([20, 5])),
      ...series("161", "sygedagpenge", "samtaler", "2024-01", six([20, 4])),
    ],
    samtaler: "flagged",
  },
  {
    code: "163",
    why: "the alle row (10 %) takes precedence over the groups (50 %)",
    cells: [
      ...series("163", "alle", "samtaler", "2024-01", six([100, 10])),
      ...series("163", "dagpenge", "samtaler", "2024-01", six([100, 50])),
    ],
    samtaler: "compliant",
  },
  {
    code: "165",
    why: "a fully suppressed alle row falls back to the groups (50 %)",
    cells: [
      ...series("165", "alle", "samtaler", "2024-01", six(null)),
      ...series("165", "dagpenge", "samtaler", "2024-01", six([100, 50])),
    ],
    samtaler: "flagged",
  },
  {
    code: "167",
    why: "an alle row with only a population is still the aggregate: its 5 persons exclude, whatever the groups say",
    cells: [
      ...series("167", "alle", "samtaler", "2024-01", six([5, null])),
      ...series("167", "dagpenge", "samtaler", "2024-01", six([100, 50])),
    ],
    samtaler: "not-covered",
  },
  {
    code: "169",
    why: "a partial sum of 8 persons (a group without counts) is only a lower bound: not excluded",
    cells: [
      ...series("169", "dagpenge", "samtaler", "2024-01", six([8, 4])),
      ...series("169", "sygedagpenge", "samtaler", "2024-01", six("30.0")),
    ],
    samtaler: "flagged",
  },
  {
    code: "171",
    why: "a population of 0 is below the minimum",
    cells: series("171", "alle", "samtaler", "2024-01", [
      [0, 0],
      [40, 20],
      [40, 20],
      [40, 20],
      [40, 20],
      [40, 20],
    ]),
    samtaler: "not-covered",
  },
  {
    code: "173",
    why: "a group with no counts in any month: nothing known",
    cells: series("173", "dagpenge", "samtaler", "2024-01", six(null)),
    samtaler: "insufficient-data",
  },
  {
    code: "175",
    why: "a published share with a known population below the minimum (without unknown): not covered",
    cells: series("175", "alle", "samtaler", "2024-01", six("25.0")).map((c) => ({ ...c, population: 9 })),
    samtaler: "not-covered",
  },
  {
    code: "190",
    why: "an alle row with only a population of 9: not covered (docs/rules.md §3.2: the alle row is the aggregate)",
    cells: series("190", "alle", "samtaler", "2024-01", six([9, null])),
    samtaler: "not-covered",
  },
];

/** Cases for the municipality status (§3.5) and criteria that are not fed. */
const MUNICIPALITY_CASES: { code: string; why: string; cells: Cell[]; status: string }[] = [
  {
    code: "183",
    why: "flagged on offers, insufficient on conversations: flagged",
    cells: [
      ...series("183", "alle", "tilbud", "2024-01", six([40, 20])),
      ...series("183", "alle", "samtaler", "2024-01", [null, ...six([40, 20]).slice(1)]),
    ],
    status: "flagged",
  },
  {
    code: "185",
    why: "insufficient on one criterion, compliant on the other: insufficient data",
    cells: [
      ...series("185", "alle", "tilbud", "2024-01", six(null)),
      ...series("185", "alle", "samtaler", "2024-01", six([40, 1])),
    ],
    status: "insufficient-data",
  },
  {
    code: "187",
    why: "only a row that feeds no criterion (ledighedsydelse offers): not covered",
    cells: series("187", "ledighedsydelse", "tilbud", "2024-01", six([40, 20])),
    status: "not-covered",
  },
];

describe("formulations on hand-made edge cases", () => {
  const cells = [...CASES, ...MUNICIPALITY_CASES].flatMap((c) => c.cells);
  let o: Outcome;
  beforeAll(async () => {
    o = await allThree(measurements(cells), [
      H1,
      Q1,
      LATE,
      { ...H1, followUp: { minPopulation: 0 } },
      { ...Q1, restoration: { limit: 22.5 } },
    ]);
  }, 30_000);

  it("the kernel gives the statuses docs/rules.md asks for", () => {
    for (const c of CASES) expect(o.ts.get(`0|${c.code}|samtaler`), `${c.code}: ${c.why}`).toBe(c.samtaler);
    for (const c of MUNICIPALITY_CASES) expect(o.ts.get(`0|${c.code}|*`), `${c.code}: ${c.why}`).toBe(c.status);
    expect(o.ts.get("0|187|tilbud")).toBeUndefined(); // not fed: absent, not "insufficient"
    expect(o.ts.get("2|101|samtaler")).toBe("compliant"); // a calm known month decides despite months past the data
    expect(o.ts.get("2|147|samtaler")).toBe("insufficient-data"); // breaches, then months past the data
  });

  it("DuckDB and arquero give exactly the same verdicts", () => {
    expectIdentical(o);
    expect(o.duckdb.size).toBe(o.ts.size);
  });
});

describe("formulations on random data", () => {
  const fig: fc.Arbitrary<Figure> = fc.oneof(
    fc.integer({ min: 0, max: 40 }).chain((p) => fc.integer({ min: 0, max: p }).map((w): Figure => [p, w])),
    fc.integer({ min: 150, max: 250 }).map((t): Figure => (t / 10).toFixed(1)),
    fc.integer({ min: 0, max: 30 }).map((p): Figure => [p, null]),
    fc.constant<Figure>(null),
  );
  const groups = ["alle", "dagpenge", "sygedagpenge", "kontanthjaelp"] as const;
  const seriesArb = fc.record({
    code: fc.constantFrom("101", "183", "860"),
    group: fc.constantFrom(...groups),
    measure: fc.constantFrom("samtaler" as const, "tilbud" as const),
    start: fc.constantFrom("2023-11", "2024-01", "2024-02"),
    figures: fc.array(fig, { minLength: 1, maxLength: 8 }),
  });
  let duck: Awaited<ReturnType<typeof duckdbInstance>>;
  beforeAll(async () => {
    duck = await duckdbInstance();
  });
  afterAll(() => expect(duck).toBeDefined());

  it("agree with the kernel around the edges (20 %, 10 persons, suppressed, partial)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(seriesArb, { minLength: 1, maxLength: 6 }),
        fc.constantFrom(75, 80, 85.5),
        async (specs, threshold) => {
          const seen = new Set<string>();
          const cells = specs
            .flatMap((s) => series(s.code, s.group, s.measure, s.start, s.figures))
            .filter((c) => {
              const k = `${c.municipalityCode}|${c.benefitGroup}|${c.measure}|${c.month}`;
              return seen.has(k) ? false : (seen.add(k), true);
            });
          const o = await allThree(measurements(cells), [
            { ...H1, followUp: { threshold } },
            { ...H1, followUp: { aggregation: "per-group" } },
            Q1,
            LATE,
          ]);
          expectIdentical(o);
        },
      ),
      { numRuns: 40 },
    );
  }, 60_000);
});
