/** The status-only kernel must agree with evaluate() everywhere. */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { readMeasurements } from "../lib/import/index.ts";
import { MeasurementIndex } from "../lib/rules/measurement-index.ts";
import { evaluate, type EvaluationRequest } from "../lib/rules/evaluate.ts";
import { STATUS_ORDER, verdictStatuses } from "../lib/rules/fast-verdicts.ts";
import { standardPeriods } from "../lib/rules/calendar.ts";
import { monthRange } from "../lib/domain/month.ts";
import { indexOf, series, type Figure } from "./helpers/cells.ts";

function same(index: MeasurementIndex, req: EvaluationRequest) {
  const full = evaluate(index, req);
  const fast = verdictStatuses(index, req);
  full.municipalities.forEach((m, row) => {
    expect(fast.codes[row]).toBe(m.code);
    expect(STATUS_ORDER[fast.municipality[row]!]).toBe(m.status);
    const byId = new Map(m.criteria.map((c) => [c.criterion, c.status]));
    fast.criteria.forEach((id, col) => {
      const code = fast.criterion[row * fast.criteria.length + col]!;
      expect(code === -1 ? undefined : STATUS_ORDER[code]).toBe(byId.get(id));
    });
  });
}

describe("verdictStatuses equals evaluate()", () => {
  const index = new MeasurementIndex(
    readMeasurements(readFileSync(new URL("../data/synthetic/measurements.csv", import.meta.url)), "measurements.csv"),
  );
  const supervision = [{ municipalityCode: "326", from: "2025-01", to: "2025-03" }];
  it("on the synthetic data, every standard period, both rule sets and modes, several parameters", () => {
    for (const p of standardPeriods("opfoelgning-2024", "2021-01", "2025-12")) {
      for (const threshold of [70, 80, 85.5]) {
        for (const aggregation of ["overall", "per-group"] as const) {
          for (const applyExemptions of [false, true]) {
            same(index, {
              ruleSet: "opfoelgning-2024",
              window: p.months,
              period: p.label,
              followUp: { threshold, aggregation, applyExemptions },
              supervision,
            });
          }
        }
      }
    }
    for (const p of standardPeriods("genopretning-2020", "2021-01", "2025-12")) {
      for (const mode of ["trigger", "restoration"] as const) {
        for (const limit of [15, 20])
          same(index, {
            ruleSet: "genopretning-2020",
            window: p.months,
            period: p.label,
            mode,
            restoration: { limit, minPopulation: 12 },
          });
      }
    }
  });

  it("on random data around the edges (20 %, 10 persons, unknown months)", () => {
    const fig: fc.Arbitrary<Figure> = fc.oneof(
      fc.integer({ min: 0, max: 40 }).chain((p) => fc.integer({ min: 0, max: p }).map((w): Figure => [p, w])),
      fc.integer({ min: 150, max: 250 }).map((t): Figure => (t / 10).toFixed(1)),
      fc.constant<Figure>(null),
    );
    const window = monthRange("2024-01", "2024-06");
    fc.assert(
      fc.property(
        fc.array(fig, { minLength: 6, maxLength: 6 }),
        fc.array(fig, { minLength: 6, maxLength: 6 }),
        fc.array(fig, { minLength: 6, maxLength: 6 }),
        (a, b, c) => {
          const idx = indexOf(
            series("183", "alle", "samtaler", "2024-01", a),
            series("183", "dagpenge", "tilbud", "2024-01", b),
            series("183", "kontanthjaelp", "tilbud", "2024-01", c),
          );
          for (const aggregation of ["overall", "per-group"] as const) {
            same(idx, {
              ruleSet: "opfoelgning-2024",
              window,
              period: "2024H1",
              followUp: { aggregation, applyExemptions: true },
            });
          }
          for (const mode of ["trigger", "restoration"] as const)
            same(idx, { ruleSet: "genopretning-2020", window: window.slice(0, 3), period: "x", mode });
        },
      ),
      { numRuns: 300 },
    );
  });

  it("on the positive-trend exemption's edges: plateaus, rises, one-month windows (docs/rules.md §3.4)", () => {
    // Shares above every limit in every month (so the criterion is flagged), moving by a tenth
    // down, not at all, or up: only a strict fall in every step exempts.
    const steps = fc.array(fc.constantFrom(-1, -1, -1, 0, 1, -30), { minLength: 0, maxLength: 5 });
    const trend = fc.tuple(fc.integer({ min: 400, max: 600 }), steps).map(([first, deltas]) => {
      const tenths = [first];
      for (const d of deltas) tenths.push(tenths[tenths.length - 1]! + d);
      return tenths.map((t): Figure => (t / 10).toFixed(1));
    });
    fc.assert(
      fc.property(trend, trend, (a, b) => {
        const idx = indexOf(
          series("183", "alle", "samtaler", "2024-01", a),
          series("183", "alle", "tilbud", "2024-01", b),
          series("183", "dagpenge", "samtaler", "2024-01", a),
          series("101", "kontanthjaelp", "tilbud", "2024-01", b),
        );
        const window = monthRange("2024-01", "2024-06").slice(0, Math.min(a.length, b.length));
        for (const aggregation of ["overall", "per-group"] as const)
          same(idx, {
            ruleSet: "opfoelgning-2024",
            window,
            period: "x",
            followUp: { aggregation, applyExemptions: true },
          });
        same(idx, { ruleSet: "genopretning-2020", window, period: "x", mode: "trigger" });
      }),
      { numRuns: 300 },
    );
  });

  it("on random data, restoration with the criteria derived from the previous window (docs/rules.md §4.3)", () => {
    const fig: fc.Arbitrary<Figure> = fc.oneof(
      fc.integer({ min: 0, max: 40 }).chain((p) => fc.integer({ min: 0, max: p }).map((w): Figure => [p, w])),
      fc.integer({ min: 150, max: 250 }).map((t): Figure => (t / 10).toFixed(1)),
      fc.constant<Figure>(null),
    );
    // Mar–Nov 2022: the previous window Mar–May, the follow-up Sep–Nov; a series may start late.
    const nine = fc
      .integer({ min: 0, max: 6 })
      .chain((skip) => fc.array(fig, { minLength: 9 - skip, maxLength: 9 - skip }).map((f) => ({ skip, f })));
    fc.assert(
      fc.property(nine, nine, nine, (a, b, c) => {
        const start = (s: { skip: number }) => monthRange("2022-03", "2022-11")[s.skip]!;
        const idx = indexOf(
          series("183", "sygedagpenge", "samtaler", start(a), a.f),
          series("183", "dagpenge", "tilbud", start(b), b.f),
          series("101", "kontanthjaelp", "tilbud", start(c), c.f),
        );
        const window = monthRange("2022-09", "2022-11");
        same(idx, { ruleSet: "genopretning-2020", window, period: "x", mode: "restoration" });
        same(idx, {
          ruleSet: "genopretning-2020",
          window,
          period: "x",
          mode: "restoration",
          restoration: { limit: 30 },
        });
      }),
      { numRuns: 300 },
    );
  });
});
