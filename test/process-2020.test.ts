/**
 * The 2020 process with its real dates and the rulings of docs/rules.md §3.3, §4.3–4.5: the population a
 * rounded share implies, the criteria under restoration derived from the previous window, the
 * documented period of each model, and the timeline's dates (STAR's letter to Ishøj).
 */
import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { readMeasurements } from "../lib/import/index.ts";
import { MeasurementIndex } from "../lib/rules/measurement-index.ts";
import { evaluate } from "../lib/rules/evaluate.ts";
import { STATUS_ORDER, verdictStatuses } from "../lib/rules/fast-verdicts.ts";
import { impliedMinPopulation } from "../lib/rules/share.ts";
import { DOCUMENTED_PERIODS } from "../lib/rules/parameters.ts";
import { STAGE_LABELS } from "../lib/explain/labels.ts";
import type { EvaluationRequest } from "../lib/rules/request.ts";
import type { Cell } from "../lib/domain/types.ts";
import { monthRange } from "../lib/domain/month.ts";
import { indexOf, measurements, series, type Figure } from "./helpers/cells.ts";
import { runCli } from "./helpers/cli.ts";

const ISHOEJ = "test/fixtures/import/ishoej-2022-09-11.csv";
const share = (text: string) => {
  const [whole, frac = ""] = text.split(".");
  return { num: Number(whole! + frac), den: 10 ** frac.length };
};

/**
 * Brute force, independent of the implementation: every population P from 1 up and every count
 * W ≤ P, rounding 1000·W/P tenths half up with integers only.
 */
function bruteForceMinPopulation(tenths: number): number {
  for (let p = 1; ; p++) {
    for (let w = 0; w <= p; w++) if (Math.floor((2000 * w + p) / (2 * p)) === tenths) return p;
  }
}

describe("docs/rules.md §3.3 implied minimum population", () => {
  it.each([
    ["45.5", 11],
    ["7.1", 14],
    ["100.0", 1],
    ["0.0", 1],
    ["50.0", 2],
    ["33.3", 3],
  ])("%s %% needs at least %i citizens", (text, expected) => {
    expect(impliedMinPopulation(share(text))).toBe(expected);
  });

  it("agrees with brute force on every share with one decimal", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), (tenths) => {
        expect(impliedMinPopulation({ num: tenths, den: 10 })).toBe(bruteForceMinPopulation(tenths));
      }),
      { numRuns: 400 },
    );
  });

  it("has no bound for a share outside 0–100 %", () => {
    expect(impliedMinPopulation(share("100.1"))).toBeNull();
  });

  it("proves Ishøj's sick-benefit conversations of Sep 2022 (45,5 %) covered: at least 11 citizens", () => {
    const index = new MeasurementIndex(readMeasurements(readFileSync(ISHOEJ), ISHOEJ));
    const e = evaluate(index, {
      ruleSet: "genopretning-2020",
      window: monthRange("2022-09", "2022-11"),
      period: "2022-09..2022-11",
    });
    const sick = e.municipalities[0]!.criteria.find((c) => c.criterion === "sygedagpenge:samtaler")!;
    expect(sick.months[0]).toMatchObject({ month: "2022-09", population: null, impliedMinPopulation: 11 });
    expect(sick.caveats).toContainEqual({
      code: "population-at-least",
      months: ["2022-09", "2022-10"],
      bounds: [11, 19],
    });
    // Nov (50,0 %) is possible with 2 citizens: that month stays unverifiable.
    expect(sick.caveats).toContainEqual({ code: "population-unknown", months: ["2022-11"] });
    expect(sick.status).toBe("flagged"); // the caveat sharpens, the verdict does not change
  });

  it("below the minimum the bound proves nothing: 7,1 % (14) with a minimum of 15 stays population-unknown", () => {
    const idx = indexOf(series("183", "dagpenge", "samtaler", "2022-09", ["7.1", "7.1", "7.1"]));
    const req = (minPopulation: number): EvaluationRequest => ({
      ruleSet: "genopretning-2020",
      window: monthRange("2022-09", "2022-11"),
      period: "x",
      restoration: { minPopulation },
    });
    const codes = (minPopulation: number) =>
      evaluate(idx, req(minPopulation)).municipalities[0]!.criteria[0]!.caveats.map((c) => c.code);
    expect(codes(14)).toEqual(["population-at-least"]);
    expect(codes(15)).toEqual(["population-unknown"]);
  });
});

describe("docs/rules.md §4.5 documented period", () => {
  it("are named constants: the 2020 model 2020-01..2023-12, the 2024 model from 2024-01", () => {
    expect(DOCUMENTED_PERIODS).toEqual({
      "genopretning-2020": { from: "2020-01", to: "2023-12" },
      "opfoelgning-2024": { from: "2024-01", to: null },
    });
  });

  const idx = indexOf(
    series("183", "sygedagpenge", "samtaler", "2023-07", Array<Figure>(18).fill([50, 40])),
    series("183", "alle", "samtaler", "2023-07", Array<Figure>(18).fill([50, 40])),
  );
  const caveatsOf = (req: EvaluationRequest) => {
    const e = evaluate(idx, req);
    return { window: e.caveats, criterion: e.municipalities[0]!.criteria[0]!.caveats };
  };

  it("a 2020 window in 2024 carries the caveat on the evaluation and on every criterion", () => {
    const { window, criterion } = caveatsOf({
      ruleSet: "genopretning-2020",
      window: monthRange("2023-11", "2024-01"),
      period: "x",
    });
    const expected = { code: "outside-documented-period", months: ["2024-01"], from: "2020-01", to: "2023-12" };
    expect(window).toEqual([expected]);
    expect(criterion).toContainEqual(expected);
  });

  it("a 2024 half-year before 2024 carries it; windows inside their period do not", () => {
    expect(
      caveatsOf({ ruleSet: "opfoelgning-2024", window: monthRange("2023-07", "2023-12"), period: "2023H2" }).window,
    ).toHaveLength(1);
    expect(
      caveatsOf({ ruleSet: "opfoelgning-2024", window: monthRange("2024-01", "2024-06"), period: "2024H1" }).window,
    ).toEqual([]);
    expect(
      caveatsOf({ ruleSet: "genopretning-2020", window: monthRange("2023-09", "2023-11"), period: "x" }).window,
    ).toEqual([]);
  });

  it("the text output and the explanation say so plainly, in Danish", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tidlig-"));
    const file = join(dir, "m.csv");
    writeFileSync(file, longCsv(idxCells()));
    const r = await runCli("evaluate", "--input", file, "--rules", "genopretning-2020", "--period", "2024-03..2024-05");
    expect(r.code).toBe(0);
    const said = "Genopretningsmodellen er kun beskrevet for perioder fra januar 2020 til december 2023";
    expect(r.stdout.split("\n").slice(0, 5).join("\n")).toContain(said); // at the top, before any verdict
    const json = await runCli(
      "evaluate",
      ...["--input", file, "--rules", "genopretning-2020", "--period", "2024-03..2024-05", "--format", "json"],
    );
    const doc = JSON.parse(json.stdout);
    expect(doc.caveats).toEqual(["outside-documented-period"]);
    expect(doc.municipalities[0].criteria[0].caveats).toContain("outside-documented-period");
    expect(doc.municipalities[0].criteria[0].explanation).toContain(said);
  });
});

/** A canonical long CSV of cells (no names: the codes are real municipalities). */
function longCsv(cells: readonly Cell[]): string {
  const rows = cells.map((c) =>
    [
      c.municipalityCode,
      "",
      c.benefitGroup,
      c.measure,
      c.month,
      c.population ?? "",
      c.without ?? "",
      c.shareWithout ? (c.shareWithout.num / c.shareWithout.den).toFixed(1) : "",
    ].join(","),
  );
  return ["municipality_code,municipality_name,benefit_group,measure,month,population,without,share_without", ...rows]
    .join("\n")
    .concat("\n");
}

function idxCells(): Cell[] {
  return series("183", "sygedagpenge", "samtaler", "2024-03", Array<Figure>(3).fill([50, 40]));
}

/**
 * Four municipalities, Mar 2022 – Nov 2022 (the window Sep–Nov 2022, followed up on Mar–May):
 * 183 flagged on sygedagpenge:samtaler in Mar–May (not on dagpenge:tilbud), not restored after;
 * 101 flagged on nothing; 147 with data only from Sep 2022; 151 flagged on two criteria, one restored.
 */
const bad: Figure = [50, 40];
const good: Figure = [50, 5];
const nine = (a: Figure, b: Figure) => [a, a, a, good, good, good, b, b, b] as Figure[];
const derivationCells: Cell[] = [
  ...series("183", "sygedagpenge", "samtaler", "2022-03", nine(bad, bad)),
  ...series("183", "dagpenge", "tilbud", "2022-03", nine(good, bad)),
  ...series("101", "sygedagpenge", "samtaler", "2022-03", nine(good, bad)),
  ...series("147", "sygedagpenge", "samtaler", "2022-09", [bad, bad, bad]),
  ...series("151", "sygedagpenge", "samtaler", "2022-03", nine(bad, good)),
  ...series("151", "kontanthjaelp", "tilbud", "2022-03", nine(bad, bad)),
];
const SEP_NOV: EvaluationRequest = {
  ruleSet: "genopretning-2020",
  mode: "restoration",
  window: monthRange("2022-09", "2022-11"),
  period: "2022-09..2022-11",
};

describe("docs/rules.md §4.3 criteria under restoration, derived from the previous window", () => {
  const index = new MeasurementIndex(measurements(derivationCells));
  const e = evaluate(index, SEP_NOV);
  const byCode = new Map(e.municipalities.map((m) => [m.code, m]));

  it("checks only what was flagged on Mar–May 2022", () => {
    expect(byCode.get("183")).toMatchObject({ status: "not-restored", underRestoration: ["sygedagpenge:samtaler"] });
    expect(byCode.get("183")!.criteria.map((c) => c.criterion)).toEqual(["sygedagpenge:samtaler"]);
    expect(byCode.get("151")).toMatchObject({
      status: "not-restored",
      underRestoration: ["sygedagpenge:samtaler", "kontanthjaelp:tilbud"],
    });
    expect(byCode.get("151")!.criteria.map((c) => [c.criterion, c.status])).toEqual([
      ["sygedagpenge:samtaler", "restored"],
      ["kontanthjaelp:tilbud", "not-restored"],
    ]);
  });

  it("a municipality with no flagged criterion is not under restoration (not insufficient data)", () => {
    expect(byCode.get("101")).toMatchObject({
      status: "not-under-restoration",
      underRestoration: [],
      criteria: [],
      caveats: [],
    });
  });

  it("a municipality whose previous window is missing from the data cannot be derived", () => {
    expect(byCode.get("147")).toMatchObject({
      status: "insufficient-data",
      underRestoration: [],
      criteria: [],
      caveats: [{ code: "previous-window-missing", previousWindow: ["2022-03", "2022-04", "2022-05"] }],
    });
  });

  it("named criteria (--criteria) are checked as given, whatever the previous window showed", () => {
    const named = evaluate(index, { ...SEP_NOV, criteria: ["sygedagpenge:samtaler"] });
    expect(named.municipalities.map((m) => [m.code, m.status])).toEqual([
      ["101", "not-restored"],
      ["147", "not-restored"],
      ["151", "restored"],
      ["183", "not-restored"],
    ]);
  });

  it("the status kernel gives the same statuses", () => {
    const fast = verdictStatuses(index, SEP_NOV);
    expect(fast.codes.map((code, row) => [code, STATUS_ORDER[fast.municipality[row]!]])).toEqual(
      e.municipalities.map((m) => [m.code, m.status]),
    );
  });

  it("the CLI prints underRestoration and the caveat per municipality", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tidlig-"));
    const file = join(dir, "derivation.csv");
    writeFileSync(file, longCsv(derivationCells));
    const r = await runCli(
      "evaluate",
      ...["--input", file, "--rules", "genopretning-2020", "--period", "2022-09..2022-11"],
      ...["--mode", "restoration", "--format", "json"],
    );
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    const rows = doc.municipalities.map((m: { code: string; status: string; underRestoration: string[] }) => [
      m.code,
      m.status,
      m.underRestoration,
    ]);
    expect(rows).toEqual([
      ["101", "not-under-restoration", []],
      ["147", "insufficient-data", []],
      ["151", "not-restored", ["sygedagpenge:samtaler", "kontanthjaelp:tilbud"]],
      ["183", "not-restored", ["sygedagpenge:samtaler"]],
    ]);
    expect(doc.municipalities[1].caveats).toEqual(["previous-window-missing"]);
    const text = await runCli(
      "evaluate",
      ...["--input", file, "--rules", "genopretning-2020", "--period", "2022-09..2022-11", "--mode", "restoration"],
    );
    expect(text.stdout).toContain("1 ikke under genopretning");
    expect(text.stdout).toContain("Data for marts–maj 2022 mangler");
  });
});

describe("docs/rules.md §4.4 the timeline's dates (Ishøj, STAR's letter of 20 Feb 2023)", () => {
  const args = ["timeline", "--input", ISHOEJ, "--initial", "183:contacted:sygedagpenge:samtaler+dagpenge:tilbud"];

  it("plan due 15 days after the letter (7 March 2023); August 2023 is the next follow-up on Mar–May 2023", async () => {
    const r = await runCli(...args, "--letter-date", "2023-02-20", "--format", "json");
    expect(r.code, r.stderr).toBe(0);
    const [event] = JSON.parse(r.stdout).municipalities[0].events;
    expect(event).toMatchObject({
      assessment: "2023-02",
      window: ["2022-09", "2022-10", "2022-11"],
      nextAssessment: "2023-08",
      nextWindow: ["2023-03", "2023-04", "2023-05"],
      stageAfter: "plan-required",
      planDueDays: 15,
      planDeadline: "2023-03-07",
      planCriteria: ["sygedagpenge:samtaler", "dagpenge:tilbud"],
    });
    expect(event.planDeadline).not.toBe(event.nextAssessment);
  });

  it("without the letter's date the deadline is null and the text says 15 days after the letter", async () => {
    const json = JSON.parse((await runCli(...args, "--format", "json")).stdout);
    expect(json.municipalities[0].events[0]).toMatchObject({ planDueDays: 15, planDeadline: null });
    const text = (await runCli(...args)).stdout;
    expect(text).toContain("senest 15 dage efter brevets dato");
    expect(text).toContain("næste opfølgning: august 2023 på marts–maj 2023");
    expect(text).not.toMatch(/frist: august 2023/);
    const dated = (await runCli(...args, "--letter-date", "2023-02-20")).stdout;
    expect(dated).toContain("senest 7. marts 2023");
  });

  it("the plan covers only the criteria not restored", async () => {
    const r = await runCli(
      ...["timeline", "--input", ISHOEJ, "--initial", "183:contacted:sygedagpenge:samtaler+dagpenge:samtaler"],
      "--format",
      "json",
    );
    const [event] = JSON.parse(r.stdout).municipalities[0].events;
    // dagpenge:samtaler (3,8 % in Sep) is restored and leaves the restoration
    expect(event).toMatchObject({ stageAfter: "plan-required", planCriteria: ["sygedagpenge:samtaler"] });
  });

  it("a letter date that is no date is wrong usage", async () => {
    const r = await runCli(...args, "--letter-date", "2023-02-30");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--letter-date");
  });

  it("escalation is a possibility: the mayor may be called to a meeting with the minister", async () => {
    expect(STAGE_LABELS.escalated).toBe("Borgmesteren kan indkaldes til ministermøde");
    expect(STAGE_LABELS.monitoring).toBe("Løbende monitorering");
    const r = await runCli(...["timeline", "--input", ISHOEJ, "--initial", "183:plan-required:sygedagpenge:samtaler"]);
    expect(r.stdout).toContain("Genopretningsplan krævet → Borgmesteren kan indkaldes til ministermøde");
    expect(r.stdout).toContain("borgmesteren kan indkaldes til et møde med beskæftigelsesministeren");
    expect(r.stdout).not.toMatch(/Eskaleret/);
  });
});
