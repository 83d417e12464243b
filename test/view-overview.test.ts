/** The overview heatmap's figures are the evaluation's own month figures (lib/view/overview.ts). */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MeasurementIndex, evaluate, parseLongCsv, parsePeriod, type Period } from "../lib/index.ts";
import { heatmapMonths, heatmapRows, viewRequest, type ViewState } from "../lib/view/index.ts";

const index = new MeasurementIndex(
  parseLongCsv(readFileSync("data/synthetic/measurements.csv", "utf-8"), "measurements.csv"),
);
const period = (t: string) => parsePeriod(t) as Period;
const base: ViewState = {
  rules: "opfoelgning-2024",
  period: period("2024H2"),
  threshold: 85,
  min: 10,
  aggregation: "overall",
  exemptions: false,
  mode: "trigger",
  criterion: null,
  sort: "region",
};

describe("heatmapRows", () => {
  for (const [name, state, criterion] of [
    ["overall samtaler", base, "samtaler"],
    ["per-group", { ...base, aggregation: "per-group" }, "dagpenge:tilbud"],
    [
      "2020 model",
      { ...base, rules: "genopretning-2020", period: period("2023-09..2023-11"), threshold: 80 },
      "sygedagpenge:samtaler",
    ],
  ] as const) {
    it(`matches evaluate()'s traces in the window (${name})`, () => {
      const req = viewRequest(state as ViewState);
      const months = heatmapMonths(req.window, 24, index);
      expect(months).toHaveLength(24);
      expect(months.slice(-req.window.length)).toEqual(req.window);
      const rows = heatmapRows(index, req, criterion, months);
      expect(rows.map((r) => r.code)).toEqual(index.codes);
      const evaluation = evaluate(index, req);
      let compared = 0;
      let breaches = 0;
      for (const m of evaluation.municipalities) {
        const trace = m.criteria.find((c) => c.criterion === criterion);
        const row = rows.find((r) => r.code === m.code)!;
        expect(row.fed).toBe(trace !== undefined);
        if (!trace) continue;
        const inWindow = row.cells.filter((c) => c.inWindow);
        expect(inWindow.map((c) => [c.month, c.shareWithout, c.population, c.breach])).toEqual(
          trace.months.map((t) => [t.month, t.shareWithout, t.population, t.breach]),
        );
        compared++;
        breaches += inWindow.filter((c) => c.breach).length;
      }
      expect(compared).toBeGreaterThan(50);
      expect(breaches).toBeGreaterThan(0);
    });
  }

  it("clips the context to the first month of the data", () => {
    expect(heatmapMonths(period("2021H1").months, 24, index)[0]).toBe("2021-01");
    expect(heatmapMonths(period("2021H2").months, 24, index)).toHaveLength(12);
  });

  it("rejects an unknown criterion", () => {
    expect(() => heatmapRows(index, viewRequest(base), "nope", ["2024-01"])).toThrow(/unknown criterion/);
  });
});
