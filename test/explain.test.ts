/** Danish formatting and the explanation sentences derived from traces (docs/rules.md §5). */
import { describe, expect, it } from "vitest";
import {
  formatCount,
  formatMonthList,
  formatMonthLong,
  formatMonthShort,
  formatMonthSpan,
  formatPercent,
  formatPercentParameter,
  formatHalfYear,
} from "../lib/explain/format.ts";
import { explain } from "../lib/explain/sentences.ts";
import { evaluate } from "../lib/rules/evaluate.ts";
import { indexOf, series } from "./helpers/cells.ts";
import type { CriterionTrace } from "../lib/rules/trace.ts";

describe("Danish formatting", () => {
  it("uses a decimal comma, a thousands dot and a spaced percent sign, whatever the machine's locale", () => {
    expect(formatPercent(34.6)).toBe("34,6\u00a0%");
    expect(formatPercent(20)).toBe("20,0\u00a0%");
    expect(formatPercentParameter(80)).toBe("80\u00a0%");
    expect(formatPercentParameter(19.5)).toBe("19,5\u00a0%");
    expect(formatCount(12345)).toBe("12.345");
  });
  it("writes months and spans the Danish way", () => {
    expect(formatMonthShort("2022-09")).toBe("sep. 2022");
    expect(formatMonthShort("2022-05")).toBe("maj 2022");
    expect(formatMonthLong("2022-09")).toBe("september 2022");
    expect(formatMonthSpan(["2022-09", "2022-10", "2022-11"])).toBe("sep.–nov. 2022");
    expect(formatMonthSpan(["2022-11", "2022-12", "2023-01"])).toBe("nov. 2022–jan. 2023");
    expect(formatMonthList(["2022-09", "2022-11"])).toBe("sep. og nov. 2022");
    expect(formatHalfYear(2025, 1)).toBe("1. halvår 2025");
  });
});

const window = ["2022-09", "2022-10", "2022-11"];
function trace(
  figures: Parameters<typeof series>[4],
  mode: "trigger" | "restoration" = "trigger",
  group: "dagpenge" | "sygedagpenge" = "dagpenge",
  measure: "tilbud" | "samtaler" = "tilbud",
): CriterionTrace {
  const idx = indexOf(series("183", group, measure, "2022-09", figures));
  const criteria = [`${group}:${measure}`]; // restoration: the criterion under restoration
  const r = evaluate(idx, { ruleSet: "genopretning-2020", window, period: "2022-09..2022-11", mode, criteria });
  return r.municipalities[0]!.criteria[0]! as CriterionTrace;
}

describe("explanations are built from the trace", () => {
  it("a flagged criterion names the span, the limit, the group and the lowest month", () => {
    const s = explain(trace(["34.6", "28.6", "41.2"]));
    expect(s).toContain("Handlekriteriet for tilbud til a-dagpengemodtagerne er opfyldt for Ishøj Kommune");
    expect(s).toContain("i alle tre måneder (september–november 2022)");
    expect(s).toContain("andelen af a-dagpengemodtagerne, der ikke har fået et aktivt tilbud");
    expect(s).toContain("over 20\u00a0%");
    expect(s).toContain("laveste andel 28,6\u00a0% i oktober 2022");
    expect(s).toContain("Antallet af borgere er ikke oplyst");
  });
  it("changes with the figures: a trace with other numbers gives another sentence", () => {
    expect(explain(trace(["34.6", "30.1", "41.2"]))).toContain("laveste andel 30,1\u00a0% i oktober 2022");
  });
  it("a compliant criterion names the month that decided", () => {
    const s = explain(
      trace([
        [50, 20],
        [35, 7],
        [50, 20],
      ]),
    );
    expect(s).toContain("er ikke opfyldt for Ishøj Kommune");
    expect(s).toContain("i oktober 2022");
    expect(s).toContain("20,0\u00a0%");
    expect(s).not.toContain("ikke oplyst");
  });
  it("not covered names the months and the counts", () => {
    expect(
      explain(
        trace([
          [9, 1],
          [50, 20],
          [50, 20],
        ]),
      ),
    ).toContain("færre end 10 borgere med seks måneders ydelsesanciennitet i september 2022 (9 borgere)");
  });
  it("insufficient data names the missing month", () => {
    expect(explain(trace(["33.3", null, "25.0"]))).toContain("andelen mangler i oktober 2022");
  });
  it("restoration: restored and not restored", () => {
    expect(explain(trace(["45.5", "19.9", "50.0"], "restoration", "sygedagpenge", "samtaler"))).toContain(
      "har genoprettet indsatsen",
    );
    const not = explain(trace(["69.2", "75.0", "20.0"], "restoration", "sygedagpenge", "samtaler"));
    expect(not).toContain("har ikke genoprettet");
    expect(not).toContain("mindst 20\u00a0%");
    expect(not).toContain("fire samtaler");
  });
});
