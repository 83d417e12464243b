/** Properties every verdict must have, checked on random inputs (fast-check). */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { BenefitGroupId, Cell, Measure } from "../lib/domain/types.ts";
import { addMonths, monthRange } from "../lib/domain/month.ts";
import { parseDecimal } from "../lib/domain/decimal.ts";
import { MeasurementIndex } from "../lib/rules/measurement-index.ts";
import { evaluate, type Evaluation, type EvaluationRequest } from "../lib/rules/evaluate.ts";
import { toCsv } from "../lib/output/csv.ts";
import { parseLongCsv } from "../lib/import/index.ts";
import { measurements } from "./helpers/cells.ts";

const CODES = ["101", "183", "825", "851"];
const FIRST = "2023-10";
const MONTHS = monthRange(FIRST, "2024-09");
const WINDOW = monthRange("2024-01", "2024-06");
const SERIES: [BenefitGroupId, Measure][] = [
  ["alle", "samtaler"],
  ["sygedagpenge", "samtaler"],
  ["dagpenge", "samtaler"],
  ["dagpenge", "tilbud"],
  ["kontanthjaelp", "tilbud"],
];

type Fig =
  { kind: "counts"; p: number; w: number } | { kind: "share"; s: string } | { kind: "suppressed" } | { kind: "absent" };

/** Populations around the minimum of 10 and shares around 20 %, where the rules are sharpest. */
const countsFig = fc
  .integer({ min: 0, max: 60 })
  .chain((p) => fc.integer({ min: 0, max: p }).map((w): Fig => ({ kind: "counts", p, w })));
const shareFig = fc.integer({ min: 0, max: 1000 }).map((t): Fig => ({ kind: "share", s: (t / 10).toFixed(1) }));
const anyFig = fc.oneof(
  { weight: 6, arbitrary: countsFig },
  { weight: 2, arbitrary: shareFig },
  { weight: 1, arbitrary: fc.constant<Fig>({ kind: "suppressed" }) },
  { weight: 1, arbitrary: fc.constant<Fig>({ kind: "absent" }) },
);

function toCells(code: string, group: BenefitGroupId, measure: Measure, figs: Fig[]): Cell[] {
  return figs.flatMap((f, i): Cell[] => {
    if (f.kind === "absent") return [];
    const base = { municipalityCode: code, benefitGroup: group, measure, month: addMonths(FIRST, i) };
    if (f.kind === "counts") return [{ ...base, population: f.p, without: f.w, shareWithout: null }];
    if (f.kind === "share") return [{ ...base, population: null, without: null, shareWithout: parseDecimal(f.s) }];
    return [{ ...base, population: null, without: null, shareWithout: null }];
  });
}

/** A dataset: for some municipalities, some series, twelve months of figures each. */
function dataset(fig: fc.Arbitrary<Fig>, groupFig: fc.Arbitrary<Fig> = fig) {
  return fc
    .uniqueArray(fc.constantFrom(...CODES), { minLength: 1, maxLength: CODES.length })
    .chain((codes) =>
      fc.tuple(
        ...codes.map((code) =>
          fc
            .subarray(SERIES, { minLength: 1 })
            .chain((series) =>
              fc.tuple(
                ...series.map(([g, m]) =>
                  fc
                    .array(g === "alle" ? fig : groupFig, { minLength: MONTHS.length, maxLength: MONTHS.length })
                    .map((figs) => toCells(code, g, m, figs)),
                ),
              ),
            ),
        ),
      ),
    )
    .map((parts) => parts.flat(2));
}

const requests: EvaluationRequest[] = [
  { ruleSet: "opfoelgning-2024", window: WINDOW, period: "2024H1" },
  { ruleSet: "opfoelgning-2024", window: WINDOW, period: "2024H1", followUp: { aggregation: "per-group" } },
  { ruleSet: "genopretning-2020", window: WINDOW.slice(0, 3), period: "2024-01..2024-03" },
  { ruleSet: "genopretning-2020", window: WINDOW.slice(0, 3), period: "2024-01..2024-03", mode: "restoration" },
];

function verdicts(e: Evaluation): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of e.municipalities) {
    out[m.code] = m.status;
    for (const c of m.criteria) out[`${m.code}|${c.criterion}`] = c.status;
  }
  return out;
}

const run = (cells: readonly Cell[], req: EvaluationRequest) =>
  evaluate(new MeasurementIndex(measurements(cells)), req);
const flaggedSet = (e: Evaluation) =>
  new Set(e.municipalities.filter((m) => m.status === "flagged").map((m) => m.code));

describe("properties", () => {
  it("raising the threshold never removes a municipality from the flagged set", () => {
    fc.assert(
      fc.property(
        dataset(anyFig),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 1000 }),
        (cells, a, b) => {
          const [lo, hi] = a <= b ? [a / 10, b / 10] : [b / 10, a / 10];
          for (const aggregation of ["overall", "per-group"] as const) {
            const low = flaggedSet(run(cells, { ...requests[0]!, followUp: { threshold: lo, aggregation } }));
            const high = flaggedSet(run(cells, { ...requests[0]!, followUp: { threshold: hi, aggregation } }));
            for (const code of low) expect(high.has(code)).toBe(true);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it("the order of the input rows never changes a verdict", () => {
    fc.assert(
      fc.property(
        dataset(anyFig).chain((cells) =>
          fc.tuple(
            fc.constant(cells),
            fc.shuffledSubarray(cells, { minLength: cells.length, maxLength: cells.length }),
          ),
        ),
        ([cells, shuffled]) => {
          for (const req of requests) expect(verdicts(run(shuffled, req))).toEqual(verdicts(run(cells, req)));
        },
      ),
      { numRuns: 100 },
    );
  });

  it("a verdict never depends on months outside the window", () => {
    fc.assert(
      fc.property(dataset(anyFig), dataset(anyFig), (cells, noise) => {
        // replace everything outside the window by other figures
        const inside = (c: Cell) => WINDOW.includes(c.month);
        const key = (c: Cell) => `${c.municipalityCode}|${c.benefitGroup}|${c.measure}`;
        const fed = new Set(cells.map(key));
        // keep to the original's series, and require all of them to stay fed (a criterion fed
        // only outside the window may rightly appear or disappear)
        const withFeeds = [...cells.filter(inside), ...noise.filter((c) => !inside(c) && fed.has(key(c)))];
        fc.pre([...fed].every((k) => withFeeds.some((c) => key(c) === k)));
        for (const req of requests) expect(verdicts(run(withFeeds, req))).toEqual(verdicts(run(cells, req)));
      }),
      { numRuns: 100 },
    );
  });

  it("importing the CSV written by --format csv gives the same verdicts", () => {
    // Group rows carry counts or are absent (a partial sum's population is only a lower bound,
    // which the long format cannot express); aggregate rows may be anything.
    const groupFig = fc.oneof(
      { weight: 6, arbitrary: countsFig },
      { weight: 1, arbitrary: fc.constant<Fig>({ kind: "absent" }) },
    );
    fc.assert(
      fc.property(dataset(anyFig, groupFig), (cells) => {
        for (const req of requests) {
          const first = run(cells, req);
          const csv = toCsv(first);
          const again = evaluate(new MeasurementIndex(parseLongCsv(csv, "verdicts.csv")), req);
          expect(verdicts(again)).toEqual(verdicts(first));
        }
      }),
      { numRuns: 100 },
    );
  });
});
