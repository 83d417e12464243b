/** The index's derived values are typed and never depend on which caller asked first. */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { readMeasurements } from "../lib/import/index.ts";
import { derivation, MeasurementIndex } from "../lib/rules/measurement-index.ts";
import { evaluate } from "../lib/rules/evaluate.ts";
import { verdictStatuses } from "../lib/rules/fast-verdicts.ts";
import { criterionSeries, fedCriterionSeries } from "../lib/rules/month-values.ts";
import { criteriaFor, type EvaluationRequest } from "../lib/rules/request.ts";
import { heatmapRows } from "../lib/view/overview.ts";
import { monthRange } from "../lib/domain/month.ts";

const measurements = readMeasurements(
  readFileSync(new URL("../data/synthetic/measurements.csv", import.meta.url)),
  "measurements.csv",
);
const followUp: EvaluationRequest = {
  ruleSet: "opfoelgning-2024",
  window: monthRange("2024-01", "2024-06"),
  period: "2024H1",
};
const perGroup: EvaluationRequest = {
  ruleSet: "genopretning-2020",
  window: monthRange("2022-09", "2022-11"),
  period: "2022-09..2022-11",
  criteria: ["sygedagpenge:samtaler"],
};

/** Everything the callers of the index read, in one comparable value. */
function observe(index: MeasurementIndex) {
  return {
    heatmap: heatmapRows(index, perGroup, "dagpenge:tilbud", monthRange("2022-01", "2022-12")),
    fast: [followUp, perGroup].map((r) => verdictStatuses(index, r)),
    full: [followUp, perGroup].map((r) => evaluate(index, r)),
    one: criterionSeries(index, "183", criteriaFor("genopretning-2020")[0]!),
  };
}

describe("MeasurementIndex.memoize", () => {
  it("gives the same results whichever caller asks first", () => {
    const a = new MeasurementIndex(measurements);
    const b = new MeasurementIndex(measurements);
    // b is primed in the opposite order: a single criterion first, then subsets, then the full lists.
    criterionSeries(b, "101", criteriaFor("genopretning-2020")[3]!);
    fedCriterionSeries(b, criteriaFor("genopretning-2020").slice(2, 5));
    evaluate(b, perGroup);
    const first = observe(a);
    const second = observe(b);
    expect(second.fast).toEqual(first.fast);
    expect(second.full).toEqual(first.full);
    expect(second.heatmap).toEqual(first.heatmap);
    expect(second.one).toEqual(first.one);
  });

  it("derives a value once per index and key, keyed by the object itself", () => {
    const index = new MeasurementIndex(measurements);
    let calls = 0;
    const rows = derivation<{ readonly code: string }, number>("row", (ix, key) => {
      calls++;
      return ix.rowOf(key.code);
    });
    const k183 = { code: "183" };
    expect(index.memoize(rows, k183)).toBe(index.codes.indexOf("183"));
    expect(index.memoize(rows, k183)).toBe(index.codes.indexOf("183"));
    expect(calls).toBe(1);
    // Another object with the same content is another key: nothing is keyed by a string.
    expect(index.memoize(rows, { code: "183" })).toBe(index.codes.indexOf("183"));
    expect(calls).toBe(2);
  });
});
