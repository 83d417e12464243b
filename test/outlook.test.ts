/** docs/rules.md §3.6: outlook, extraNeeded, drivers, benchmarks, ranks — unit and property tests. */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { BenefitGroupId, Cell, Month } from "../lib/domain/types.ts";
import { addMonths, monthRange } from "../lib/domain/month.ts";
import { MUNICIPALITIES } from "../lib/domain/municipalities.ts";
import { evaluate, type EvaluationRequest } from "../lib/rules/evaluate.ts";
import { decideTrigger, isBreach } from "../lib/rules/clauses.ts";
import { shareFromCounts, shareFromPercent } from "../lib/rules/share.ts";
import {
  criterionOutlook,
  extraNeeded,
  maxWithoutAllowed,
  municipalityOutlook,
  whatItTakes,
} from "../lib/rules/outlook.ts";
import { atRiskByCloseness, outlookReport } from "../lib/rules/outlook-report.ts";
import { drivers, exactDrivers } from "../lib/rules/drivers.ts";
import { benchmarks, ranks } from "../lib/rules/benchmarks.ts";
import { OVERALL_CRITERIA } from "../lib/rules/criteria.ts";
import { statusAt, verdictStatuses } from "../lib/rules/fast-verdicts.ts";
import { outlookStatuses } from "../lib/rules/outlook-statuses.ts";
import { MeasurementIndex } from "../lib/rules/measurement-index.ts";
import { readFileSync } from "node:fs";
import { readMeasurements } from "../lib/import/index.ts";
import type { MonthFigures } from "../lib/rules/month-values.ts";
import { outlookSentence, whatItTakesSentence } from "../lib/output/outlook-text.ts";
import { cell, indexOf, series } from "./helpers/cells.ts";

const WINDOW = monthRange("2025-07", "2025-12");
const LIMIT20 = shareFromPercent(20);
const REQUEST: EvaluationRequest = { ruleSet: "opfoelgning-2024", window: WINDOW, period: "2025H2" };

function counts(month: Month, p: number, w: number): MonthFigures {
  return {
    month,
    population: p,
    without: w,
    share: shareFromCounts(w, p),
    shareWithout: null,
    source: "alle-row",
    populationIsLowerBound: false,
    groupsWithoutCounts: [],
  };
}

/** The as-of months worth checking: before the window, each month of it. */
const AS_OFS: Month[] = [addMonths(WINDOW[0]!, -1), ...WINDOW];

describe("the outlook of one criterion (§3.6)", () => {
  const breach = (m: Month) => counts(m, 50, 20); // 40 %
  const calm = (m: Month) => counts(m, 50, 5); // 10 %

  it("is at-risk while every published month is over the limit, with the months still to come", () => {
    const o = criterionOutlook(WINDOW.map(breach), "2025-09", LIMIT20, 10);
    expect(o.outlook).toBe("at-risk");
    expect(o.publishedBreaches).toEqual(["2025-07", "2025-08", "2025-09"]);
    expect(o.remainingMonths).toEqual(["2025-10", "2025-11", "2025-12"]);
  });

  it("is safe once a published month is not over the limit, naming that month", () => {
    const months = WINDOW.map((m) => (m === "2025-08" ? calm(m) : breach(m)));
    const o = criterionOutlook(months, "2025-09", LIMIT20, 10);
    expect(o.outlook).toBe("safe");
    expect(o.decidingMonths).toEqual(["2025-08"]);
  });

  it("is safe once a published month has fewer citizens than the minimum", () => {
    const months = WINDOW.map((m) => (m === "2025-07" ? counts(m, 9, 9) : breach(m)));
    expect(criterionOutlook(months, "2025-09", LIMIT20, 10)).toMatchObject({
      outlook: "safe",
      decidingMonths: ["2025-07"],
    });
  });

  it("ignores what a later month shows: a calm October does not make September safe", () => {
    const months = WINDOW.map((m) => (m === "2025-10" ? calm(m) : breach(m)));
    expect(criterionOutlook(months, "2025-09", LIMIT20, 10).outlook).toBe("at-risk");
    expect(criterionOutlook(months, "2025-10", LIMIT20, 10).outlook).toBe("safe");
  });

  it("has no data yet before the first month is published", () => {
    expect(criterionOutlook(WINDOW.map(breach), "2025-06", LIMIT20, 10).outlook).toBe("no-data-yet");
  });

  it("gives the verdict itself once the window is complete", () => {
    expect(criterionOutlook(WINDOW.map(breach), "2025-12", LIMIT20, 10)).toMatchObject({
      outlook: "flagged",
      complete: true,
    });
    expect(criterionOutlook(WINDOW.map(calm), "2026-01", LIMIT20, 10).outlook).toBe("compliant");
  });

  it("combines per municipality: at-risk, else no-data-yet, else safe", () => {
    const at = criterionOutlook(WINDOW.map(breach), "2025-09", LIMIT20, 10);
    const safe = criterionOutlook(WINDOW.map(calm), "2025-09", LIMIT20, 10);
    const none = criterionOutlook(WINDOW.map(breach), "2025-06", LIMIT20, 10);
    expect(municipalityOutlook([safe, at])).toBe("at-risk");
    expect(municipalityOutlook([safe, none])).toBe("no-data-yet");
    expect(municipalityOutlook([safe, safe])).toBe("safe");
  });
});

/** Random windows: counts around the limit and the minimum, published shares, suppressed months. */
const monthFig = (month: Month) =>
  fc.oneof(
    {
      weight: 6,
      arbitrary: fc
        .integer({ min: 0, max: 40 })
        .chain((p) => fc.integer({ min: 0, max: p }).map((w) => counts(month, p, w))),
    },
    {
      weight: 2,
      arbitrary: fc.integer({ min: 0, max: 1000 }).map((t): MonthFigures => ({
        ...counts(month, 1, 0),
        population: null,
        without: null,
        share: { num: t, den: 10 },
      })),
    },
    {
      weight: 1,
      arbitrary: fc.constant<MonthFigures>({ ...counts(month, 1, 0), population: null, without: null, share: null }),
    },
  );
const windowFigs = fc.tuple(...WINDOW.map(monthFig));

/** The status-kernel outlook equals the report's, municipality by municipality and criterion by criterion. */
function expectKernelAgrees(index: MeasurementIndex, asOf: Month, req: EvaluationRequest = REQUEST): void {
  const report = outlookReport(index, evaluate(index, { ...req, asOf }), asOf);
  const fast = outlookStatuses(index, req, asOf);
  report.municipalities.forEach((m, row) => {
    expect(fast.municipality[row], `${m.code} ${asOf}`).toBe(m.outlook);
    for (const c of m.criteria)
      expect(fast.criterion[row * fast.criteria.length + fast.criteria.indexOf(c.criterion)]).toBe(c.outlook!.outlook);
  });
}

describe("the outlook never contradicts the final verdict (property)", () => {
  it("safe at any as-of month ⇒ never flagged when the window completes", () => {
    fc.assert(
      fc.property(windowFigs, fc.constantFrom(...AS_OFS), (months, asOf) => {
        const final = decideTrigger(months, LIMIT20, 10).status;
        if (criterionOutlook(months, asOf, LIMIT20, 10).outlook === "safe") expect(final).not.toBe("flagged");
      }),
      { numRuns: 500 },
    );
  });

  it("flagged at completion ⇒ at-risk at every earlier as-of month with a published breach", () => {
    fc.assert(
      fc.property(windowFigs, (months) => {
        if (decideTrigger(months, LIMIT20, 10).status !== "flagged") return;
        for (const asOf of AS_OFS.slice(0, -1)) {
          const published = months.filter((m) => m.month <= asOf);
          const anyBreach = published.some((m) => m.share !== null && isBreach(m.share, LIMIT20));
          expect(criterionOutlook(months, asOf, LIMIT20, 10).outlook).toBe(anyBreach ? "at-risk" : "no-data-yet");
        }
      }),
      { numRuns: 500 },
    );
  });

  it("holds through evaluate(): the same clauses, whole municipalities", () => {
    const fig = fc.oneof(
      fc.constant(null),
      fc.integer({ min: 5, max: 40 }).chain((p) => fc.integer({ min: 0, max: p }).map((w) => [p, w] as const)),
    );
    fc.assert(
      fc.property(
        fc.array(fig, { minLength: 6, maxLength: 6 }),
        fc.array(fig, { minLength: 6, maxLength: 6 }),
        (a, b) => {
          const index = indexOf(
            series("183", "alle", "samtaler", WINDOW[0]!, a),
            series("183", "dagpenge", "tilbud", WINDOW[0]!, b),
          );
          const e = evaluate(index, REQUEST);
          const finalStatus = e.municipalities[0]!.status;
          for (const asOf of AS_OFS.slice(0, -1)) {
            const o = outlookReport(index, e, asOf).municipalities[0]!.outlook;
            if (o === "safe") expect(finalStatus).not.toBe("flagged");
            // The request's asOf hides the later months from evaluate() and the status kernel alike.
            const masked = evaluate(index, { ...REQUEST, asOf });
            expect(outlookReport(index, masked, asOf).municipalities[0]!.outlook).toBe(o);
            expect(statusAt(verdictStatuses(index, { ...REQUEST, asOf }), 0)).toBe(masked.municipalities[0]!.status);
            const later = masked.municipalities[0]!.criteria.flatMap((c) => c.months.filter((m) => m.month > asOf));
            expect(later.every((m) => m.share === null && m.population === null)).toBe(true);
          }
          expect(outlookReport(index, e, "2025-12").municipalities[0]!.outlook).toBe(finalStatus);
          for (const asOf of AS_OFS) expectKernelAgrees(index, asOf);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe("extraNeeded (§3.6)", () => {
  it("is 15 for P=57, W=26 at a limit of 20 % (11/57 = 19,3 % is no breach, 12/57 = 21,1 % is)", () => {
    expect(extraNeeded(counts("2025-07", 57, 26), LIMIT20)).toBe(15);
  });

  it("is null for a month that is no breach, lacks counts or is a partial sum", () => {
    expect(extraNeeded(counts("2025-07", 57, 11), LIMIT20)).toBeNull();
    expect(extraNeeded({ ...counts("2025-07", 57, 26), without: null }, LIMIT20)).toBeNull();
    expect(extraNeeded({ ...counts("2025-07", 57, 26), populationIsLowerBound: true }, LIMIT20)).toBeNull();
  });

  it("is the minimum: that many fewer is no breach, one fewer still is (property)", () => {
    const limits = [20, 19.5, 15, 33.3, 0.1].map(shareFromPercent);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }).chain((p) => fc.tuple(fc.constant(p), fc.integer({ min: 0, max: p }))),
        fc.constantFrom(...limits),
        ([p, w], limit) => {
          const breach = isBreach(shareFromCounts(w, p)!, limit);
          const x = extraNeeded(counts("2025-07", p, w), limit);
          if (!breach) {
            expect(x).toBeNull();
            return;
          }
          expect(x).not.toBeNull();
          expect(x!).toBeGreaterThanOrEqual(1);
          expect(isBreach(shareFromCounts(w - x!, p)!, limit)).toBe(false);
          expect(isBreach(shareFromCounts(w - x! + 1, p)!, limit)).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("comes per window month in the report, null after the as-of month", () => {
    const index = indexOf(
      series("183", "alle", "samtaler", "2025-07", [
        [57, 26],
        [57, 26],
        [57, 11],
        [57, 26],
      ]),
    );
    const e = evaluate(index, REQUEST);
    const r = outlookReport(index, e, "2025-09").municipalities[0]!.criteria[0]!;
    expect(r.extraNeeded).toEqual([15, 15, null, null, null, null]);
  });
});

describe("what one coming month must reach", () => {
  it("uses the latest known population: at most ⌊57 · 20 / 100⌋ = 11 of 57", () => {
    const months = [counts("2025-07", 40, 30), counts("2025-08", 57, 30), counts("2025-09", 60, 30)];
    expect(whatItTakes(months, "2025-08", LIMIT20, 20)).toMatchObject({
      population: 57,
      maxWithout: 11,
      month: "2025-08",
    });
    expect(maxWithoutAllowed(57, shareFromPercent(19.5))).toBe(11);
    expect(maxWithoutAllowed(35, LIMIT20)).toBe(7);
  });

  it("says it in Danish", () => {
    const w = { month: "2025-09", population: 57, maxWithout: 11, limit: 20 };
    expect(whatItTakesSentence("samtaler", w)).toMatch(/^Højst 11 af 57 borgere uden de krævede samtaler i én måned/);
    // A no-break space before "%", so the percentage never wraps.
    expect(whatItTakesSentence("tilbud", { ...w, population: null, maxWithout: null })).toBe(
      "En andel uden indsats på højst 20\u00a0% i én måned er nok.",
    );
  });

  it("appears in the at-risk sentence with the months so far and the months to come", () => {
    const index = indexOf(
      series("183", "alle", "samtaler", "2025-07", [
        [57, 26],
        [57, 20],
        [57, 15],
      ]),
    );
    const e = evaluate(index, REQUEST);
    const c = e.municipalities[0]!.criteria[0]!;
    const r = outlookReport(index, e, "2025-09").municipalities[0]!.criteria[0]!;
    const s = outlookSentence(c, r)!;
    expect(s).toContain("I risiko for udpegning");
    expect(s).toContain("alle tre offentliggjorte måneder");
    expect(s).toContain("tre måneder mangler");
    expect(s).toContain("Højst 11 af 57 borgere");
  });
});

/** A municipality's conversation groups with counts, no alle row. */
const GROUPS: BenefitGroupId[] = ["dagpenge", "sygedagpenge", "kontanthjaelp"];

describe("drivers (§3.6)", () => {
  it("sum to the total excess of the window when there is no alle row (property)", () => {
    const groupFigs = fc.array(
      fc.integer({ min: 0, max: 80 }).chain((p) => fc.integer({ min: 0, max: p }).map((w) => [p, w] as const)),
      { minLength: 6, maxLength: 6 },
    );
    fc.assert(
      fc.property(fc.tuple(groupFigs, groupFigs, groupFigs), fc.constantFrom(20, 19.5, 25), (figs, limitPercent) => {
        const index = indexOf(...GROUPS.map((g, k) => series("183", g, "samtaler", "2025-07", figs[k]!)));
        const limit = shareFromPercent(limitPercent);
        const e = evaluate(index, { ...REQUEST, followUp: { threshold: 100 - limitPercent } });
        const trace = e.municipalities[0]!.criteria.find((c) => c.criterion === "samtaler")!;
        // Total excess of the aggregate, Σ (W − P · limit / 100), scaled by 100 · limit.den.
        let total = 0;
        for (const m of trace.months) total += 100 * limit.den * m.without! - m.population! * limit.num;
        const exact = exactDrivers(index, "183", OVERALL_CRITERIA[0]!, WINDOW, limit);
        expect(exact.reduce((s, x) => s + x.numerator, 0)).toBe(total);
        const rounded = drivers(index, "183", OVERALL_CRITERIA[0]!, WINDOW, limit)!;
        const sum = rounded.reduce((s, x) => s + x.excess, 0);
        expect(Math.abs(sum - total / (100 * limit.den))).toBeLessThanOrEqual(0.05 * GROUPS.length + 1e-9);
      }),
      { numRuns: 300 },
    );
  });

  it("are sorted descending, rounded to one decimal, and come from group rows even with an alle row", () => {
    const index = indexOf(
      series("183", "alle", "samtaler", "2025-07", [[100, 10]]),
      series("183", "dagpenge", "samtaler", "2025-07", [[10, 1]]), // 1 − 2 = −1
      series("183", "sygedagpenge", "samtaler", "2025-07", [[33, 13]]), // 13 − 6,6 = 6,4
      series("183", "kontanthjaelp", "samtaler", "2025-07", [[7, null]]), // no counts
    );
    expect(drivers(index, "183", OVERALL_CRITERIA[0]!, ["2025-07"], LIMIT20)).toEqual([
      { group: "sygedagpenge", excess: 6.4 },
      { group: "dagpenge", excess: -1 },
    ]);
  });

  it("are omitted when no group has counts", () => {
    const index = indexOf(series("183", "alle", "samtaler", "2025-07", [[100, 30]]));
    expect(drivers(index, "183", OVERALL_CRITERIA[0]!, ["2025-07"], LIMIT20)).toBeNull();
  });
});

describe("benchmarks and ranks (§3.6)", () => {
  // Two municipalities of the same region; the rest of the 98 are absent, so every line is partial.
  const [a, b] = MUNICIPALITIES.filter((m) => m.regionCode === MUNICIPALITIES[0]!.regionCode);
  const cells: Cell[] = [
    cell(a!.code, "alle", "samtaler", "2025-07", [100, 30]),
    cell(b!.code, "alle", "samtaler", "2025-07", [50, 5]),
    cell(a!.code, "alle", "samtaler", "2025-08", [100, 30]),
    cell(b!.code, "alle", "samtaler", "2025-08", "12.0"), // a share without counts is left out
  ];

  it("are ΣW / ΣP over the municipalities with exact counts, marked partial when some are left out", () => {
    const bm = benchmarks(indexOf(cells), ["2025-07", "2025-08"]);
    expect(bm.samtaler.national).toEqual([
      { month: "2025-07", population: 150, without: 35, shareWithout: 23.3, partial: true },
      { month: "2025-08", population: 100, without: 30, shareWithout: 30, partial: true },
    ]);
    expect(bm.samtaler.regions[a!.regionCode]![0]).toMatchObject({ population: 150, without: 35 });
    expect(Object.keys(bm.samtaler.regions)).toHaveLength(5);
    expect(bm.samtaler.amk[a!.amk]![0]).toMatchObject({ population: 150, without: 35 });
    expect(bm.tilbud.national[0]).toMatchObject({ population: 0, shareWithout: null, partial: true });
  });

  it("is not partial when every member of a group has counts", () => {
    const all = MUNICIPALITIES.map((m) => cell(m.code, "alle", "samtaler", "2025-07", [10, 1]));
    const bm = benchmarks(indexOf(all), ["2025-07"]);
    expect(bm.samtaler.national[0]).toEqual({
      month: "2025-07",
      population: 980,
      without: 98,
      shareWithout: 10,
      partial: false,
    });
  });

  it("ranks by the window's share, 1 = lowest, ties sharing a place", () => {
    const r = ranks(indexOf(cells), "samtaler", ["2025-07", "2025-08"]);
    expect(r.get(b!.code)).toEqual({ position: 1, of: 2 }); // 5/50 = 10 %
    expect(r.get(a!.code)).toEqual({ position: 2, of: 2 }); // 60/200 = 30 %
    const tie = ranks(
      indexOf([
        cell(a!.code, "alle", "samtaler", "2025-07", [10, 1]),
        cell(b!.code, "alle", "samtaler", "2025-07", [20, 2]),
      ]),
      "samtaler",
      ["2025-07"],
    );
    expect([tie.get(a!.code)!.position, tie.get(b!.code)!.position]).toEqual([1, 1]);
  });
});

describe("at-risk ordering", () => {
  it("puts the municipality closest to safety first", () => {
    const index = indexOf(
      series("101", "alle", "samtaler", "2025-07", [[100, 40]]), // 20 extra of 100
      series("183", "alle", "samtaler", "2025-07", [[100, 22]]), // 2 extra of 100
      series("185", "alle", "samtaler", "2025-07", [[100, 10]]), // safe
    );
    const report = outlookReport(index, evaluate(index, REQUEST), "2025-07");
    expect(atRiskByCloseness(report).map((m) => m.code)).toEqual(["183", "101"]);
  });
});

describe("the status-kernel outlook (outlookStatuses)", () => {
  it("equals the report on the synthetic data at every as-of month of 2025H2, at two thresholds", () => {
    const csv = readFileSync(new URL("../data/synthetic/measurements.csv", import.meta.url), "utf8");
    const index = new MeasurementIndex(readMeasurements(csv, "measurements.csv"));
    for (const threshold of [80, 85])
      for (const asOf of AS_OFS) expectKernelAgrees(index, asOf, { ...REQUEST, followUp: { threshold } });
  });
});
