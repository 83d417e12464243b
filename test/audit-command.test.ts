/**
 * The command every page shows (lib/view/command.ts) asks the CLI for exactly the evaluation the
 * page made: parsed by the CLI's own option parser, it gives the request of viewRequest(state).
 */
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import fc from "fast-check";
import { evaluationRequestFromOptions } from "../cli/evaluate.ts";
import { evaluateArgs, evaluateCommand, shellWord } from "../lib/view/command.ts";
import { viewRequest, type ViewState } from "../lib/view/state.ts";
import { standardPeriods } from "../lib/rules/calendar.ts";
import { parsePeriod, type Period } from "../lib/domain/month.ts";

const periods: Period[] = [
  ...standardPeriods("opfoelgning-2024", "2021-01", "2025-12"),
  ...standardPeriods("genopretning-2020", "2021-01", "2025-12"),
  parsePeriod("2022-09..2022-11") as Period,
];

const states = fc.record<ViewState>({
  rules: fc.constantFrom("opfoelgning-2024", "genopretning-2020"),
  period: fc.constantFrom(...periods),
  threshold: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.constantFrom(77.5, 80, 85.25)),
  min: fc.integer({ min: 0, max: 500 }),
  aggregation: fc.constantFrom("overall", "per-group"),
  exemptions: fc.boolean(),
  mode: fc.constantFrom("trigger", "restoration"),
  criterion: fc.constant(null),
  sort: fc.constant("region"),
});

describe("evaluateCommand", () => {
  it("is parsed by the CLI into the page's own evaluation request", () => {
    fc.assert(
      fc.property(states, (s) => {
        const v = viewRequest(s);
        const { request, inputs, format } = evaluationRequestFromOptions(evaluateArgs(s, "data/x.csv").slice(1));
        expect(inputs).toEqual(["data/x.csv"]);
        expect(format).toBe("text");
        expect(request.ruleSet).toBe(v.ruleSet);
        expect(request.window).toEqual(v.window);
        expect(request.period).toBe(v.period);
        if (s.rules === "opfoelgning-2024") {
          expect(request.followUp).toEqual({
            threshold: s.threshold,
            minPopulation: s.min,
            aggregation: s.aggregation,
            ...(s.exemptions ? { applyExemptions: true } : {}),
          });
          expect(v.followUp).toMatchObject({ applyExemptions: s.exemptions });
        } else {
          expect(request.mode).toBe(v.mode);
          expect(request.restoration?.limit).toBeCloseTo(v.restoration!.limit!, 9);
          expect(request.restoration?.minPopulation).toBe(v.restoration!.minPopulation);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("survives the shell: sh splits it back into the same words", () => {
    const s: ViewState = {
      rules: "opfoelgning-2024",
      period: periods[0]!,
      threshold: 77.5,
      min: 10,
      aggregation: "overall",
      exemptions: true,
      mode: "trigger",
      criterion: null,
      sort: "region",
    };
    for (const input of ["data/synthetic/measurements.csv", "mine data/it's here.csv", 'a$b`c"d.csv']) {
      const r = spawnSync("sh", ["-c", `printf '%s\\n' ${evaluateCommand(s, input)}`], { encoding: "utf8" });
      expect(r.stdout.split("\n").slice(0, -1)).toEqual(["npx", "tidlig-indsats", ...evaluateArgs(s, input)]);
    }
    expect(shellWord("2022-09..2022-11")).toBe("2022-09..2022-11");
  });
});
