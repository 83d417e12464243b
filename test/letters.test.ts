/** Draft letters (lib/view/letters.ts): built from the trace alone, Danish figures, our own wording. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readMeasurements } from "../lib/import/index.ts";
import { parseLongCsv } from "../lib/import/long-csv.ts";
import { MeasurementIndex } from "../lib/rules/measurement-index.ts";
import { evaluate, type Evaluation } from "../lib/rules/evaluate.ts";
import { municipalityByCode } from "../lib/domain/municipalities.ts";
import { formatPercent, formatPercentParameter } from "../lib/explain/format.ts";
import { letterFor, type Letter } from "../lib/view/letters.ts";
import { windowLabel } from "../lib/explain/labels.ts";
import { cliEvaluate, cliStatuses } from "./helpers/cli.ts";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/import/${name}`, import.meta.url));
const ishoej = new MeasurementIndex(readMeasurements(fixture("ishoej-2022-09-11.csv"), "ishoej-2022-09-11.csv"));
const SEP_NOV = ["2022-09", "2022-10", "2022-11"];
const run = (mode: "trigger" | "restoration") =>
  evaluate(ishoej, { ruleSet: "genopretning-2020", mode, window: SEP_NOV, period: "2022-09..2022-11" });

function letterOf(e: Evaluation, code: string): Letter | null {
  const v = e.municipalities.find((m) => m.code === code)!;
  return letterFor(v, municipalityByCode(code)!, e);
}
const text = (l: Letter) => [l.subject, ...l.paragraphs.map((p) => p.text), ...l.signature].join("\n");

describe("letterFor, genopretning-2020 trigger (Ishøj, Sep–Nov 2022)", () => {
  const e = run("trigger");
  const letter = letterOf(e, "183")!;
  const verdict = e.municipalities[0]!;

  it("is addressed from the municipality's AMK office to the municipality", () => {
    expect(letter.municipalityCode).toBe("183");
    expect(letter.sender).toBe(municipalityByCode("183")!.amk);
    expect(letter.recipient).toContain("Ishøj Kommune");
    expect(letter.periodLabel).toBe("sep.–nov. 2022");
  });

  it("has one finding and one figures table per flagged criterion, nothing for the others", async () => {
    // Expected from the CLI's JSON for the same file, not from the evaluation the letter reads.
    const cli = await cliEvaluate(
      "--input",
      "test/fixtures/import/ishoej-2022-09-11.csv",
      "--rules",
      "genopretning-2020",
      "--period",
      "2022-09..2022-11",
    );
    const flagged = cli.municipalities
      .find((m) => m.code === "183")!
      .criteria.filter((c) => c.status === "flagged")
      .map((c) => c.id);
    // RULES.md §6 (STAR's letter) names these three among them.
    expect(flagged).toEqual(
      expect.arrayContaining(["sygedagpenge:samtaler", "dagpenge:tilbud", "jobafklaring:samtaler"]),
    );
    expect(flagged).not.toContain("kontanthjaelp:tilbud");
    const findings = letter.paragraphs.filter((p) => p.kind === "finding").map((p) => p.criterion);
    expect(findings).toEqual(flagged);
    expect(letter.figures.map((f) => f.criterion)).toEqual(flagged);
  });

  it("cites the trace's figures in Danish formatting", () => {
    const sick = letter.figures.find((f) => f.criterion === "sygedagpenge:samtaler")!;
    expect(sick.title).toBe("Sygedagpenge: samtaler");
    expect(sick.rows.map((r) => r.share)).toEqual(["45,5 %", "52,6 %", "50,0 %"]);
    expect(sick.rows.map((r) => r.label)).toEqual(["sep. 2022", "okt. 2022", "nov. 2022"]);
    expect(sick.rows.every((r) => r.population === "ikke oplyst" && r.assessment === "over grænsen")).toBe(true);
    const finding = letter.paragraphs.find((p) => p.criterion === "sygedagpenge:samtaler")!.text;
    expect(finding).toContain("45,5 %");
    // every percentage in a finding is a share of its trace or the limit
    for (const p of letter.paragraphs.filter((x) => x.kind === "finding")) {
      const t = verdict.criteria.find((c) => c.criterion === p.criterion)!;
      const allowed = new Set([
        ...t.months.filter((m) => m.shareWithout !== null).map((m) => formatPercent(m.shareWithout!)),
        formatPercentParameter(t.limit),
      ]);
      for (const m of p.text.match(/\d+(,\d+)? %/g) ?? []) expect(allowed).toContain(m);
    }
    expect(text(letter)).not.toMatch(/\d\.\d+ ?%/); // never a decimal point
  });

  it("gives six months to restore and names the next check (Mar–May 2023, assessed August 2023)", () => {
    const all = text(letter);
    expect(all).toContain("seks måneder til at genoprette");
    expect(all).toContain("mar.–maj 2023");
    expect(all).toContain("august 2023");
    expect(letter.paragraphs.some((p) => p.kind === "caveat")).toBe(true); // the letter's data has no populations
  });
});

describe("letterFor, genopretning-2020 restoration check", () => {
  const letter = letterOf(run("restoration"), "183")!;
  it("asks for a written explanation and a restoration plan of at most six months", () => {
    expect(letter.subject).toContain("genopretning");
    const all = text(letter);
    expect(all).toContain("genopretningsplan");
    expect(all).toContain("højst strækker sig over seks måneder");
    expect(letter.figures.map((f) => f.criterion)).toContain("jobafklaring:samtaler");
    expect(letter.figures.map((f) => f.criterion)).not.toContain("dagpenge:samtaler"); // restored
  });
});

describe("letterFor, opfoelgning-2024 on the synthetic data", () => {
  const index = new MeasurementIndex(
    parseLongCsv(
      readFileSync(new URL("../data/synthetic/measurements.csv", import.meta.url), "utf-8"),
      "measurements.csv",
    ),
  );
  const H1 = ["2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06"];
  const e = evaluate(index, { ruleSet: "opfoelgning-2024", window: H1, period: "2025H1", followUp: { threshold: 85 } });
  const flagged = e.municipalities.filter((v) => v.status === "flagged");

  it("writes a letter for exactly the municipalities the CLI flags", async () => {
    // Expected from the CLI's JSON (another path through the rules than letterFor's).
    const cli = await cliStatuses("--period", "2025H1", "--threshold", "85");
    const expected = [...cli].filter(([, status]) => status === "flagged").map(([code]) => code);
    expect(expected.length).toBeGreaterThan(0);
    const letters = e.municipalities.map((v) => letterFor(v, municipalityByCode(v.code)!, e));
    expect(letters.filter((l) => l !== null).map((l) => l!.municipalityCode)).toEqual(expected);
  });

  it("offers professional assistance and demands no restoration plan", () => {
    for (const v of flagged) {
      const l = letterFor(v, municipalityByCode(v.code)!, e)!;
      expect(l.periodLabel).toBe("1. halvår 2025");
      expect(l.paragraphs.map((p) => p.kind)).toContain("assistance");
      expect(l.sender).toBe(municipalityByCode(v.code)!.amk);
      expect(text(l)).toContain("15 %"); // the limit at threshold 85
      expect(text(l)).toContain("ikke sende en skriftlig redegørelse");
      for (const f of l.figures) for (const r of f.rows) expect(r.share).toMatch(/^\d{1,3},\d %$/);
    }
  });
});

describe("letter wording is our own", () => {
  it("shares no run of eight words with STAR's letter to Ishøj", () => {
    const words = (s: string) =>
      s
        .toLowerCase()
        .normalize("NFC")
        .match(/[\p{L}\p{N}]+/gu) ?? [];
    const star = words(fixture("star-letter-ishoej-2023-02-20.txt").toString("utf-8"));
    const grams = new Set(star.map((_, i) => star.slice(i, i + 8).join(" ")));
    for (const mode of ["trigger", "restoration"] as const) {
      const w = words(text(letterOf(run(mode), "183")!));
      const shared = w
        .map((_, i) => w.slice(i, i + 8).join(" "))
        .filter((g) => g.split(" ").length === 8 && grams.has(g));
      expect(shared, mode).toEqual([]);
    }
  });
});

describe("letterFor and other statuses", () => {
  it("returns null for a verdict that calls for no letter", () => {
    const e = run("trigger");
    const v = { ...e.municipalities[0]!, status: "compliant" as const };
    expect(letterFor(v, municipalityByCode("183")!, e)).toBeNull();
  });
  it("labels half-years and other windows", () => {
    expect(windowLabel(["2025-07", "2025-08", "2025-09", "2025-10", "2025-11", "2025-12"])).toBe("2. halvår 2025");
    expect(windowLabel(["2025-02", "2025-03", "2025-04", "2025-05", "2025-06", "2025-07"])).toBe("feb.–jul. 2025");
  });
});
