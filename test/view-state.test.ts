import { describe, expect, it } from "vitest";
import { parseViewState, viewRequest, viewStateSearch } from "../lib/view/state.ts";
import { parsePeriod, type Period } from "../lib/domain/month.ts";
import { standardPeriods } from "../lib/rules/calendar.ts";

const defaults = (rules: string): Period =>
  rules === "opfoelgning-2024" ? (parsePeriod("2025H1") as Period) : (parsePeriod("2022-09..2022-11") as Period);

describe("URL state", () => {
  it("reads every control from the URL", () => {
    const { state, notes } = parseViewState(
      "?rules=opfoelgning-2024&period=2024H2&threshold=85&min=12&aggregation=per-group&exemptions=1",
      defaults,
    );
    expect(notes).toEqual([]);
    expect(state).toMatchObject({
      rules: "opfoelgning-2024",
      threshold: 85,
      min: 12,
      aggregation: "per-group",
      exemptions: true,
    });
    expect(state.period.months).toEqual(["2024-07", "2024-08", "2024-09", "2024-10", "2024-11", "2024-12"]);
  });
  it("falls back to defaults with a note per invalid parameter", () => {
    const { state, notes } = parseViewState(
      "?rules=1999&period=soon&threshold=abc&min=-3&aggregation=x&exemptions=yes",
      defaults,
    );
    expect(state).toMatchObject({
      rules: "opfoelgning-2024",
      threshold: 80,
      min: 10,
      aggregation: "overall",
      exemptions: false,
    });
    expect(state.period.label).toBe("2025H1");
    expect(notes.map((n) => n.parameter)).toEqual(["rules", "period", "threshold", "min", "aggregation", "exemptions"]);
  });
  it("writes a state back as a minimal search string that reads the same", () => {
    const { state } = parseViewState("?threshold=85&period=2024H2", defaults);
    const search = viewStateSearch(state, defaults);
    expect(search).toBe("?period=2024H2&threshold=85");
    expect(parseViewState(search, defaults).state).toEqual(state);
  });
  it("keeps the page's own parameters when it writes the state back", () => {
    const { state } = parseViewState("?municipality=183&threshold=85", defaults);
    expect(viewStateSearch({ ...state, threshold: 90 }, defaults, "?municipality=183&threshold=85")).toBe(
      "?municipality=183&threshold=90",
    );
  });
  it("maps the threshold to the 2020 model's limit", () => {
    const { state } = parseViewState("?rules=genopretning-2020&threshold=75&mode=restoration", defaults);
    expect(viewRequest(state)).toMatchObject({
      ruleSet: "genopretning-2020",
      mode: "restoration",
      restoration: { limit: 25 },
    });
  });
});

describe("standard periods", () => {
  it("lists the half-years and the 2020 windows within the data", () => {
    expect(standardPeriods("opfoelgning-2024", "2021-01", "2022-03").map((p) => [p.label, p.assessed])).toEqual([
      ["2021H1", "2021-09"],
      ["2021H2", "2022-03"],
    ]);
    expect(standardPeriods("genopretning-2020", "2022-01", "2022-12").map((p) => [p.label, p.assessed])).toEqual([
      ["2022-03..2022-05", "2022-08"],
      ["2022-09..2022-11", "2023-02"],
    ]);
  });
});
