/** What-if helpers (lib/view/whatif.ts): sweeps agree with evaluate(); flips are exactly the status changes. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseLongCsv } from "../lib/import/long-csv.ts";
import { MeasurementIndex } from "../lib/rules/measurement-index.ts";
import { evaluate } from "../lib/rules/evaluate.ts";
import { parsePeriod, type Period } from "../lib/domain/month.ts";
import { parseViewState, viewRequest } from "../lib/view/state.ts";
import { sweepThresholds, thresholdRange, verdictFlips } from "../lib/view/whatif.ts";

const index = new MeasurementIndex(
  parseLongCsv(
    readFileSync(new URL("../data/synthetic/measurements.csv", import.meta.url), "utf-8"),
    "measurements.csv",
  ),
);
const state = (search: string) => parseViewState(search, () => parsePeriod("2025H1") as Period).state;

describe("thresholdRange", () => {
  it("steps without binary drift", () => {
    expect(thresholdRange(50, 52, 0.5)).toEqual([50, 50.5, 51, 51.5, 52]);
    expect(thresholdRange(70, 70.3, 0.1)).toEqual([70, 70.1, 70.2, 70.3]);
    expect(() => thresholdRange(60, 50, 1)).toThrow(RangeError);
    expect(() => thresholdRange(50, 60, 0)).toThrow(RangeError);
  });
});

describe("sweepThresholds", () => {
  it.each([
    "",
    "?aggregation=per-group",
    "?rules=genopretning-2020&period=2024-09..2024-11",
    "?rules=genopretning-2020&period=2024-09..2024-11&mode=restoration",
  ])("equals evaluate() at each threshold (%s)", (search) => {
    const s = state(search);
    const status = s.mode === "restoration" && s.rules === "genopretning-2020" ? "not-restored" : "flagged";
    const points = sweepThresholds(index, s, [60, 75, 80, 85, 92.5]);
    for (const p of points) {
      const e = evaluate(index, viewRequest({ ...s, threshold: p.threshold }));
      expect(p.flagged).toBe(e.municipalities.filter((m) => m.status === status).length);
    }
    expect(points.some((p) => p.flagged > 0)).toBe(true);
  });
  it("never flags fewer municipalities at a higher threshold (trigger)", () => {
    const points = sweepThresholds(index, state(""), thresholdRange(50, 100, 2));
    for (let i = 1; i < points.length; i++) expect(points[i]!.flagged).toBeGreaterThanOrEqual(points[i - 1]!.flagged);
  });
});

describe("verdictFlips", () => {
  it("lists exactly the municipalities whose status differs", () => {
    const a = evaluate(index, viewRequest(state("?threshold=80")));
    const b = evaluate(index, viewRequest(state("?threshold=88")));
    const flips = verdictFlips(a, b);
    const expected = a.municipalities.filter((m, i) => m.status !== b.municipalities[i]!.status).map((m) => m.code);
    expect(expected.length).toBeGreaterThan(0);
    expect(flips.map((f) => f.code)).toEqual(expected);
    for (const f of flips) expect(f.a!.status).not.toBe(f.b!.status);
    expect(verdictFlips(a, a)).toEqual([]);
  });
});
