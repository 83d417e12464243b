import { describe, expect, it } from "vitest";
import { evaluate, type EvaluationRequest } from "../lib/rules/evaluate.ts";
import { monthRange } from "../lib/domain/month.ts";
import { indexOf, series } from "./helpers/cells.ts";
import type { CriterionTrace } from "../lib/rules/trace.ts";

const H1 = monthRange("2024-01", "2024-06");
const followUp = (over: Partial<EvaluationRequest> = {}): EvaluationRequest => ({
  ruleSet: "opfoelgning-2024",
  window: H1,
  period: "2024H1",
  ...over,
});
const trigger2020 = (window: string[], over: Partial<EvaluationRequest> = {}): EvaluationRequest => ({
  ruleSet: "genopretning-2020",
  window,
  period: `${window[0]}..${window[window.length - 1]}`,
  ...over,
});

function criterion(result: ReturnType<typeof evaluate>, code: string, id: string): CriterionTrace {
  const m = result.municipalities.find((x) => x.code === code);
  const c = m?.criteria.find((x) => x.criterion === id);
  if (!c) throw new Error(`no criterion ${id} for ${code}`);
  return c;
}

/** Six months of the `alle` conversation row with the given figures. */
const alle = (code: string, figures: Parameters<typeof series>[4]) =>
  series(code, "alle", "samtaler", "2024-01", figures);

describe("§3.3 breach is strict and exact", () => {
  it("P=35, W=7 is exactly 20 % without: no breach, so the municipality is compliant", () => {
    const idx = indexOf(
      alle("183", [
        [35, 7],
        [35, 8],
        [35, 8],
        [35, 8],
        [35, 8],
        [35, 8],
      ]),
    );
    const c = criterion(evaluate(idx, followUp()), "183", "samtaler");
    expect(c.months.map((m) => m.breach)).toEqual([false, true, true, true, true, true]);
    expect(c.status).toBe("compliant");
    expect(c.decidingMonths).toEqual(["2024-01"]);
  });
  it("a published 20,0 is no breach; 20,1 is", () => {
    const idx = indexOf(
      alle("183", ["20.0", "20.1", "20.1", "20.1", "20.1", "20.1"]),
      alle("147", Array(6).fill("20.1")),
    );
    const r = evaluate(idx, followUp());
    expect(criterion(r, "183", "samtaler").status).toBe("compliant");
    expect(criterion(r, "147", "samtaler").status).toBe("flagged");
  });
  it("a threshold of 80 means the limit is 20; raising it to 90 lowers the limit to 10", () => {
    const idx = indexOf(alle("183", Array(6).fill([100, 15])));
    expect(criterion(evaluate(idx, followUp()), "183", "samtaler").status).toBe("compliant");
    expect(criterion(evaluate(idx, followUp({ followUp: { threshold: 90 } })), "183", "samtaler").status).toBe(
      "flagged",
    );
  });
  it("a decimal threshold is exact too: 85.5 puts the limit at 14.5", () => {
    const idx = indexOf(alle("183", Array(6).fill([200, 29])), alle("147", Array(6).fill([200, 30])));
    const r = evaluate(idx, followUp({ followUp: { threshold: 85.5 } }));
    expect(criterion(r, "183", "samtaler").status).toBe("compliant"); // 14.5 % is not above 14.5 %
    expect(criterion(r, "147", "samtaler").status).toBe("flagged"); // 15 %
  });
});

describe("§3.3.1 minimum population", () => {
  it("a month with 9 persons makes the criterion not-covered, whatever the other months say", () => {
    const idx = indexOf(
      alle("183", [
        [9, 9],
        [50, 40],
        [50, 40],
        [50, 40],
        [50, 40],
        [50, 40],
      ]),
    );
    const c = criterion(evaluate(idx, followUp()), "183", "samtaler");
    expect(c.status).toBe("not-covered");
    expect(c.clause).toBe("min-population");
    expect(c.decidingMonths).toEqual(["2024-01"]);
  });
  it("10 persons in every month is covered", () => {
    const idx = indexOf(alle("183", Array(6).fill([10, 9])));
    expect(criterion(evaluate(idx, followUp()), "183", "samtaler").status).toBe("flagged");
  });
  it("the minimum is a parameter", () => {
    const idx = indexOf(alle("183", Array(6).fill([10, 9])));
    expect(criterion(evaluate(idx, followUp({ followUp: { minPopulation: 11 } })), "183", "samtaler").status).toBe(
      "not-covered",
    );
  });
});

describe("§3.3 three-valued handling of missing months", () => {
  it("a suppressed month does not matter when a known month is no breach", () => {
    const idx = indexOf(alle("183", [null, [50, 40], [50, 5], [50, 40], [50, 40], [50, 40]]));
    const c = criterion(evaluate(idx, followUp()), "183", "samtaler");
    expect(c.status).toBe("compliant");
    expect(c.decidingMonths).toEqual(["2024-03"]);
  });
  it("a suppressed month leaves the verdict open when every known month is a breach", () => {
    const idx = indexOf(alle("183", [null, [50, 40], [50, 40], [50, 40], [50, 40], [50, 40]]));
    const c = criterion(evaluate(idx, followUp()), "183", "samtaler");
    expect(c.status).toBe("insufficient-data");
    expect(c.decidingMonths).toEqual(["2024-01"]);
  });
  it("a month missing from the input entirely counts as unknown", () => {
    const idx = indexOf(
      alle("183", [
        [50, 40],
        [50, 40],
        [50, 40],
        [50, 40],
        [50, 40],
      ]),
    );
    expect(criterion(evaluate(idx, followUp()), "183", "samtaler").status).toBe("insufficient-data");
  });
});

describe("share-only rows", () => {
  it("are judged on the published share, with the caveat population-unknown", () => {
    // 50,0 % is possible with 2 citizens (1 of 2): the share proves nothing about the minimum of 10.
    const idx = indexOf(alle("183", Array(6).fill("50.0")));
    const c = criterion(evaluate(idx, followUp()), "183", "samtaler");
    expect(c.status).toBe("flagged");
    expect(c.caveats).toEqual([{ code: "population-unknown", months: H1 }]);
  });
});

describe("§3.2 aggregation over benefit groups", () => {
  it("the alle row takes precedence over the group rows", () => {
    const idx = indexOf(
      alle("183", Array(6).fill([100, 10])),
      series("183", "sygedagpenge", "samtaler", "2024-01", Array(6).fill([100, 90])),
    );
    const c = criterion(evaluate(idx, followUp()), "183", "samtaler");
    expect(c.status).toBe("compliant");
    expect(c.months.every((m) => m.source === "alle-row")).toBe(true);
  });
  it("without an alle row the groups are summed: ΣW / ΣP", () => {
    const idx = indexOf(
      series("183", "sygedagpenge", "samtaler", "2024-01", Array(6).fill([30, 10])),
      series("183", "dagpenge", "samtaler", "2024-01", Array(6).fill([70, 11])),
    );
    const c = criterion(evaluate(idx, followUp()), "183", "samtaler");
    expect(c.months[0]).toMatchObject({ population: 100, without: 21, shareWithout: 21, source: "sum", breach: true });
    expect(c.status).toBe("flagged");
  });
  it("the offer criterion sums only the groups with an offer requirement", () => {
    const idx = indexOf(
      series("183", "dagpenge", "tilbud", "2024-01", Array(6).fill([50, 5])),
      // a row the rules ignore: sickness benefit has no offer requirement
      series("183", "sygedagpenge", "tilbud", "2024-01", Array(6).fill([50, 50])),
    );
    const c = criterion(evaluate(idx, followUp()), "183", "tilbud");
    expect(c.months[0]).toMatchObject({ population: 50, without: 5 });
    expect(c.status).toBe("compliant");
  });
  it("a group row without counts makes the sum partial, named in the trace", () => {
    const idx = indexOf(
      series("183", "sygedagpenge", "samtaler", "2024-01", Array(6).fill([30, 10])),
      series("183", "dagpenge", "samtaler", "2024-01", ["40.0", [70, 30], [70, 30], [70, 30], [70, 30], [70, 30]]),
    );
    const c = criterion(evaluate(idx, followUp()), "183", "samtaler");
    expect(c.months[0]).toMatchObject({
      source: "partial-sum",
      population: 30,
      populationIsLowerBound: true,
      groupsWithoutCounts: ["dagpenge"],
    });
    expect(c.caveats).toContainEqual({ code: "partial-aggregate", months: ["2024-01"], groups: ["dagpenge"] });
    expect(c.status).toBe("flagged");
  });
  it("a partial population below the minimum is only a lower bound and does not exclude", () => {
    const idx = indexOf(
      series("183", "sygedagpenge", "samtaler", "2024-01", Array(6).fill([5, 4])),
      series("183", "dagpenge", "samtaler", "2024-01", Array(6).fill(null)),
    );
    const c = criterion(evaluate(idx, followUp()), "183", "samtaler");
    expect(c.status).toBe("flagged");
  });
  it("the aggregate is unknown when no group has counts", () => {
    const idx = indexOf(series("183", "dagpenge", "tilbud", "2024-01", Array(6).fill("50.0")));
    const c = criterion(evaluate(idx, followUp()), "183", "tilbud");
    expect(c.months[0]!.source).toBe("none");
    expect(c.status).toBe("insufficient-data");
  });
  it("a criterion no row feeds is absent: a conversations-only file gives only conversation verdicts", () => {
    const idx = indexOf(alle("183", Array(6).fill([50, 40])));
    const m = evaluate(idx, followUp()).municipalities[0]!;
    expect(m.criteria.map((c) => c.criterion)).toEqual(["samtaler"]);
    expect(m.status).toBe("flagged");
  });
  it("per-group aggregation makes each group and measure its own criterion", () => {
    const idx = indexOf(
      series("183", "sygedagpenge", "samtaler", "2024-01", Array(6).fill([30, 10])),
      series("183", "dagpenge", "samtaler", "2024-01", Array(6).fill([70, 7])),
    );
    const r = evaluate(idx, followUp({ followUp: { aggregation: "per-group" } }));
    expect(criterion(r, "183", "sygedagpenge:samtaler").status).toBe("flagged");
    expect(criterion(r, "183", "dagpenge:samtaler").status).toBe("compliant");
    expect(r.municipalities[0]!.status).toBe("flagged");
  });
});

describe("§3.4 exemption candidates", () => {
  it("positive trend: strictly falling shares through the whole window, compared exactly", () => {
    const falling = alle("183", [
      [100, 40],
      [100, 35],
      [100, 30],
      [100, 28],
      [100, 25],
      [100, 21],
    ]);
    const flat = alle("147", [
      [100, 40],
      [100, 35],
      [100, 35],
      [100, 28],
      [100, 25],
      [100, 21],
    ]);
    // 7/35 and 8/40 are the same share: not a strict fall
    const equalByCounts = alle("151", [
      [100, 40],
      [100, 35],
      [100, 30],
      [35, 8],
      [40, 9],
      [100, 21],
    ]);
    const r = evaluate(indexOf(falling, flat, equalByCounts), followUp());
    expect(criterion(r, "183", "samtaler").exemptionCandidates).toEqual([
      { code: "positive-trend", shares: [40, 35, 30, 28, 25, 21] },
    ]);
    expect(criterion(r, "147", "samtaler").exemptionCandidates).toEqual([]);
    expect(criterion(r, "151", "samtaler").exemptionCandidates.map((e) => e.code)).toEqual(["positive-trend"]);
    const same = alle("151", [
      [100, 40],
      [100, 35],
      [100, 30],
      [35, 8],
      [40, 9],
      [45, 10],
    ]); // 22.86 > 22.5 > 22.22
    expect(criterion(evaluate(indexOf(same), followUp()), "151", "samtaler").exemptionCandidates).toHaveLength(1);
    const tie = alle("151", [
      [100, 40],
      [100, 35],
      [100, 30],
      [35, 8],
      [70, 16],
      [100, 21],
    ]); // 8/35 == 16/70
    expect(criterion(evaluate(indexOf(tie), followUp()), "151", "samtaler").exemptionCandidates).toEqual([]);
  });
  it("enhanced supervision: any overlap with the window, from the user's list", () => {
    const idx = indexOf(alle("183", Array(6).fill([50, 40])), alle("147", Array(6).fill([50, 40])));
    const supervision = [
      { municipalityCode: "183", from: "2023-01", to: "2024-01" },
      { municipalityCode: "147", from: "2024-07", to: "2024-12" },
    ];
    const r = evaluate(idx, followUp({ supervision }));
    expect(criterion(r, "183", "samtaler").exemptionCandidates).toEqual([
      { code: "enhanced-supervision", entries: [supervision[0]] },
    ]);
    expect(criterion(r, "147", "samtaler").exemptionCandidates).toEqual([]);
  });
  it("candidates are only marked on flagged criteria, and shown as exempted when the switch is on", () => {
    const idx = indexOf(
      alle("183", [
        [100, 40],
        [100, 35],
        [100, 30],
        [100, 28],
        [100, 25],
        [100, 21],
      ]),
      alle("147", [
        [100, 40],
        [100, 35],
        [100, 30],
        [100, 28],
        [100, 25],
        [100, 19],
      ]),
    );
    const off = evaluate(idx, followUp());
    expect(criterion(off, "147", "samtaler").exemptionCandidates).toEqual([]); // compliant: nothing to exempt
    expect(off.municipalities.find((m) => m.code === "183")!.status).toBe("flagged");
    const on = evaluate(idx, followUp({ followUp: { applyExemptions: true } }));
    const c = criterion(on, "183", "samtaler");
    expect(c.status).toBe("exempted");
    expect(on.municipalities.find((m) => m.code === "183")!.status).toBe("exempted");
  });
});

describe("§3.5 municipality status precedence", () => {
  const flagged = (code: string) => alle(code, Array(6).fill([50, 40]));
  const unknown = (code: string) => alle(code, Array(6).fill(null));
  const compliant = (code: string) => series(code, "alle", "tilbud", "2024-01", Array(6).fill([50, 1]));
  const small = (code: string) => series(code, "alle", "tilbud", "2024-01", Array(6).fill([5, 1]));
  const small2 = (code: string) => alle(code, Array(6).fill([5, 1]));
  it("flagged beats insufficient-data beats compliant beats not-covered", () => {
    const idx = indexOf(
      flagged("101"),
      compliant("101"),
      unknown("147"),
      compliant("147"),
      compliant("151"),
      small2("151"),
      small("153"),
      small2("153"),
    );
    const r = evaluate(idx, followUp());
    const status = Object.fromEntries(r.municipalities.map((m) => [m.code, m.status]));
    expect(status).toEqual({ "101": "flagged", "147": "insufficient-data", "151": "compliant", "153": "not-covered" });
  });
  it("a municipality present in the input but fed into no criterion is listed as not-covered", () => {
    const idx = indexOf(series("183", "sygedagpenge", "tilbud", "2024-01", Array(6).fill([50, 40])));
    const r = evaluate(idx, followUp());
    expect(r.municipalities).toEqual([expect.objectContaining({ code: "183", status: "not-covered", criteria: [] })]);
  });
});

describe("§4 the restoration model", () => {
  const window = ["2022-09", "2022-10", "2022-11"];
  const s = (group: "sygedagpenge" | "kontanthjaelp", figures: Parameters<typeof series>[4]) =>
    series("183", group, "samtaler", "2022-09", figures);
  it("has one criterion per group and measure; the alle row is no criterion", () => {
    const idx = indexOf(
      s("sygedagpenge", ["45.5", "52.6", "50.0"]),
      series("183", "alle", "samtaler", "2022-09", ["45.6", "34.4", "45.2"]),
    );
    const r = evaluate(idx, trigger2020(window));
    expect(r.municipalities[0]!.criteria.map((c) => c.criterion)).toEqual(["sygedagpenge:samtaler"]);
  });
  it("trigger: > 20 in all three months flags; exactly 20,0 does not", () => {
    const idx = indexOf(s("sygedagpenge", ["45.5", "52.6", "50.0"]), s("kontanthjaelp", ["69.2", "75.0", "20.0"]));
    const r = evaluate(idx, trigger2020(window));
    expect(criterion(r, "183", "sygedagpenge:samtaler").status).toBe("flagged");
    expect(criterion(r, "183", "kontanthjaelp:samtaler").status).toBe("compliant");
  });
  const both = ["sygedagpenge:samtaler", "kontanthjaelp:samtaler"]; // under restoration (--criteria)
  it("restoration: one month strictly below 20 restores; exactly 20,0 does not", () => {
    const idx = indexOf(s("sygedagpenge", ["45.5", "19.9", "50.0"]), s("kontanthjaelp", ["69.2", "75.0", "20.0"]));
    const r = evaluate(idx, trigger2020(window, { mode: "restoration", criteria: both }));
    expect(criterion(r, "183", "sygedagpenge:samtaler")).toMatchObject({
      status: "restored",
      decidingMonths: ["2022-10"],
    });
    expect(criterion(r, "183", "kontanthjaelp:samtaler").status).toBe("not-restored");
    expect(r.municipalities[0]!.status).toBe("not-restored");
  });
  it("restoration: a known population below 10 restores; an unknown month leaves it open", () => {
    const idx = indexOf(
      s("sygedagpenge", [
        [50, 40],
        [9, 9],
        [50, 40],
      ]),
      s("kontanthjaelp", [[50, 40], null, [50, 40]]),
    );
    const r = evaluate(idx, trigger2020(window, { mode: "restoration", criteria: both }));
    expect(criterion(r, "183", "sygedagpenge:samtaler").status).toBe("restored");
    expect(criterion(r, "183", "kontanthjaelp:samtaler").status).toBe("insufficient-data");
    expect(r.municipalities[0]!.status).toBe("insufficient-data");
  });
  it("restoration checks only the criteria asked for; none checked is insufficient-data", () => {
    const idx = indexOf(s("sygedagpenge", ["45.5", "19.9", "50.0"]), s("kontanthjaelp", ["69.2", "75.0", "20.0"]));
    const r = evaluate(idx, trigger2020(window, { mode: "restoration", criteria: ["sygedagpenge:samtaler"] }));
    expect(r.municipalities[0]!.criteria.map((c) => c.criterion)).toEqual(["sygedagpenge:samtaler"]);
    expect(r.municipalities[0]!.status).toBe("restored");
    const none = evaluate(idx, trigger2020(window, { mode: "restoration", criteria: ["dagpenge:tilbud"] }));
    expect(none.municipalities[0]!.status).toBe("insufficient-data");
  });
  it("the limit is a parameter", () => {
    const idx = indexOf(s("kontanthjaelp", ["69.2", "75.0", "20.0"]));
    const r = evaluate(idx, trigger2020(window, { restoration: { limit: 19.9 } }));
    expect(criterion(r, "183", "kontanthjaelp:samtaler").status).toBe("flagged");
  });
});

describe("windows", () => {
  it("months outside the window never influence the verdict", () => {
    const inside = Array(6).fill([50, 40]);
    const a = indexOf(series("183", "alle", "samtaler", "2024-01", inside));
    const b = indexOf(series("183", "alle", "samtaler", "2023-07", [...Array(6).fill([50, 1]), ...inside, [5, 0]]));
    expect(criterion(evaluate(a, followUp()), "183", "samtaler").status).toBe("flagged");
    expect(criterion(evaluate(b, followUp()), "183", "samtaler").status).toBe("flagged");
  });
  it("a window of another length than the rule set's standard is evaluated, with a caveat", () => {
    const idx = indexOf(series("183", "alle", "samtaler", "2024-01", Array(3).fill([50, 40])));
    const c = criterion(
      evaluate(idx, followUp({ window: ["2024-01", "2024-02", "2024-03"], period: "2024-01..2024-03" })),
      "183",
      "samtaler",
    );
    expect(c.status).toBe("flagged");
    expect(c.caveats).toContainEqual({ code: "window-length", expected: 6, actual: 3 });
  });
});

describe("§3.2 an alle row with only a population", () => {
  it("is still the aggregate: 9 persons make the criterion not covered, whatever the groups say", () => {
    const idx = indexOf(
      series("183", "alle", "samtaler", "2024-01", Array(6).fill([9, null])),
      series("183", "dagpenge", "samtaler", "2024-01", Array(6).fill([100, 50])),
    );
    const c = evaluate(idx, followUp()).municipalities[0]!.criteria[0]!;
    expect(c.status).toBe("not-covered");
    expect(c.months[0]!.source).toBe("alle-row");
  });
  it("a fully suppressed alle row falls back to summing the groups", () => {
    const idx = indexOf(
      series("183", "alle", "samtaler", "2024-01", Array(6).fill(null)),
      series("183", "dagpenge", "samtaler", "2024-01", Array(6).fill([100, 50])),
    );
    const c = evaluate(idx, followUp()).municipalities[0]!.criteria[0]!;
    expect(c.status).toBe("flagged");
    expect(c.months[0]!.source).toBe("sum");
  });
});
