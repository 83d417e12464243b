// lib/view/municipality.ts: evaluating one municipality's own index gives exactly what the
// whole-country evaluation gives for it (the municipality pages rely on this), and the panels
// and timeline are lib's own traces.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  MeasurementIndex,
  evaluate,
  monthRange,
  parseLongCsv,
  parsePeriod,
  standardPeriods,
  timeline,
  type Period,
} from "../lib/index.ts";
import {
  monthlyPanels,
  municipalityIndex,
  municipalityTimeline,
  parseViewState,
  verdictHistory,
} from "../lib/view/index.ts";

const measurements = parseLongCsv(
  readFileSync(new URL("../data/synthetic/measurements.csv", import.meta.url), "utf-8"),
  "measurements.csv",
);
const full = new MeasurementIndex(measurements);
const periods = {
  "opfoelgning-2024": standardPeriods("opfoelgning-2024", full.firstMonth!, full.lastMonth!),
  "genopretning-2020": standardPeriods("genopretning-2020", full.firstMonth!, full.lastMonth!),
};
const state = (search: string) => parseViewState(search, (r) => periods[r][periods[r].length - 1]! as Period).state;

describe("municipality view helpers", () => {
  it("verdictHistory on one municipality equals evaluate() on the whole data, for every period of both rule sets", () => {
    for (const code of ["183", "573", "825"]) {
      const history = verdictHistory(
        municipalityIndex(measurements, code),
        code,
        periods,
        state("?threshold=75&min=12"),
      );
      for (const h of history) {
        expect(h.rows).toHaveLength(10);
        for (const row of h.rows) {
          const expected = evaluate(full, {
            ruleSet: h.ruleSet,
            window: row.period.months,
            period: row.period.label,
            followUp: { threshold: 75, minPopulation: 12 },
            restoration: { limit: 25, minPopulation: 12 },
          }).municipalities.find((m) => m.code === code);
          expect(row.verdict).toEqual(expected);
        }
      }
    }
  });

  it("monthlyPanels: both aggregates and the 13 group criteria, every month, breaches against the view's limit", () => {
    const months = monthRange(full.firstMonth!, full.lastMonth!);
    const panels = monthlyPanels(municipalityIndex(measurements, "573"), "573", state("?threshold=70"), months);
    expect(panels.map((p) => p.id).slice(0, 2)).toEqual(["samtaler", "tilbud"]);
    expect(panels).toHaveLength(15);
    for (const p of panels) {
      expect(p.limit).toBe(30);
      expect(p.months.map((m) => m.month)).toEqual(months);
      for (const m of p.months)
        expect(m.breach).toBe(m.shareWithout === null ? null : m.share!.num / m.share!.den > 30);
    }
  });

  it("municipalityTimeline equals the whole-data timeline for that municipality", () => {
    const from = full.firstMonth!;
    const to = full.lastMonth!;
    const mine = municipalityTimeline(municipalityIndex(measurements, "573"), "573", state(""), from, to);
    const all = timeline(full, { from, to, parameters: { limit: 20, minPopulation: 10 } }).find(
      (t) => t.code === "573",
    );
    expect(mine).toEqual(all);
    expect(mine!.events.some((e) => e.stageAfter !== "monitoring")).toBe(true);
  });

  it("a period given in the URL that is no standard window is evaluated as given", () => {
    const p = parsePeriod("2024-02..2024-07") as Period;
    const s = { ...state(""), period: p };
    const h = verdictHistory(
      municipalityIndex(measurements, "183"),
      "183",
      { "opfoelgning-2024": [p], "genopretning-2020": [] },
      s,
    );
    expect(h[0]!.rows[0]!.verdict!.criteria[0]!.window).toEqual(p.months);
  });
});
