import { describe, expect, it } from "vitest";
import { rejection } from "./helpers/cells.ts";
import { readFileSync, readdirSync } from "node:fs";
import { InputError, formatIssue, type InputIssue } from "../lib/domain/issues.ts";
import { mergeMeasurements, parseLongCsv, readMeasurements } from "../lib/import/index.ts";

const BAD = new URL("./fixtures/bad/", import.meta.url);
const expected: Record<string, { line: number | null; column: number | null; value: string | null; contains: string }> =
  JSON.parse(readFileSync(new URL("expected.json", BAD), "utf8"));
const HEADER = "municipality_code,municipality_name,benefit_group,measure,month,population,without,share_without";

const errorsOf = (e: InputError): InputIssue[] => e.issues.filter((i) => i.severity === "error");

describe("bad-input corpus (test/fixtures/bad)", () => {
  const files = readdirSync(BAD).filter((f) => !f.endsWith(".json") && !f.endsWith(".md"));

  it("has an expectation for every file and a file for every expectation", () => {
    expect(files.sort()).toEqual(Object.keys(expected).sort());
  });

  for (const [file, want] of Object.entries(expected)) {
    it(`${file}: rejected, naming line ${want.line}, column ${want.column}`, () => {
      const e = rejection(() => readMeasurements(readFileSync(new URL(file, BAD)), file));
      const first = errorsOf(e)[0]!;
      expect(first.file).toBe(file);
      expect(first.line).toBe(want.line);
      expect(first.column).toBe(want.column);
      expect(first.value).toBe(want.value);
      expect(first.message).toContain(want.contains);
      // The one-line form names file, line and column, as the CLI prints it.
      const where = [file, want.line, want.column].filter((x) => x !== null).join(":");
      expect(formatIssue(first).startsWith(`${where}: error: `)).toBe(true);
      expect(e.message).toContain(where);
    });
  }
});

describe("all errors of a file at once", () => {
  it("reports every bad field of every row, each with its own line and column", () => {
    const text = [
      HEADER,
      "183,Ishøj,alle,samtaler,2024-01,58,17,29.3", // 2 ok
      "999,X,alle,samtaler,2024-01,58,17,29.3", // 3 code
      "183,Ishøj,Kontanthjalp,samtaler,2024-01,,,10", // 4 group
      "183,Ishøj,alle,samtaler,2024-01,58,17,29.3", // 5 duplicate of 2
      "183,Ishøj,dagpenge,tilbud,24-01,x,3,101", // 6 month, population, share
      "183,Ishøj,dagpenge,samtaler,2024-01,5,6,", // 7 W > P
    ].join("\n");
    const e = rejection(() => parseLongCsv(text, "many.csv"));
    const where = errorsOf(e).map((i) => [i.line, i.column, i.value]);
    expect(where).toEqual([
      [3, 1, "999"],
      [4, 3, "Kontanthjalp"],
      [5, 1, "183"],
      [6, 5, "24-01"],
      [6, 6, "x"],
      [6, 8, "101"],
      [7, 7, "6"],
    ]);
    expect(e.message).toMatch(/^7 error\(s\)/);
  });

  it("names the first occurrence for every repeat of a row", () => {
    const row = "183,Ishøj,alle,samtaler,2024-01,58,17,29.3";
    const e = rejection(() =>
      parseLongCsv(
        [HEADER, row, "183,Ishøj,alle,samtaler,2024-02,,,", row, ` 183 ,Ishøj,ALLE,Samtaler,2024M01,,,`].join("\n"),
        "d.csv",
      ),
    );
    expect(errorsOf(e).map((i) => [i.line, i.message.match(/line (\d+)$/)?.[1]])).toEqual([
      [4, "2"],
      [5, "2"],
    ]);
  });

  it("stops at the cap and says so", () => {
    const rows = Array.from({ length: 120 }, (_, i) => `183,Ishøj,alle,samtaler,2024-01,${i},${i + 1},`);
    const e = rejection(() => parseLongCsv([HEADER, ...rows].join("\n"), "cap.csv"));
    const errors = errorsOf(e);
    expect(errors).toHaveLength(50);
    expect(errors[49]!.line).toBe(51);
    expect(e.message).toMatch(/^50\+ error\(s\)/);
    expect(e.issues.some((i) => i.message.includes("stopped after 50 errors"))).toBe(true);

    const e5 = rejection(() => parseLongCsv([HEADER, ...rows].join("\n"), "cap.csv", { maxErrors: 5 }));
    expect(errorsOf(e5)).toHaveLength(5);
  });

  it("loads nothing when one row of many is bad", () => {
    const good = Array.from({ length: 30 }, (_, i) => `183,Ishøj,alle,samtaler,${2000 + i}-01,58,17,29.3`);
    expect(parseLongCsv([HEADER, ...good].join("\n"), "ok.csv").cells).toHaveLength(30);
    const e = rejection(() =>
      parseLongCsv([HEADER, ...good, "183,Ishøj,alle,samtaler,2099-01,58,17,29.4"].join("\n"), "one-bad.csv"),
    );
    expect(errorsOf(e).map((i) => i.line)).toEqual([32]);
  });
});

describe("row-level rules", () => {
  const one = (row: string) => parseLongCsv(`${HEADER}\n${row}\n`, "t.csv");

  it("accepts counts and share that agree at the edge of the share's rounding, inclusively", () => {
    expect(one("183,Ishøj,alle,samtaler,2024-01,35,7,20.0").cells[0]!.shareWithout).toEqual({ num: 200, den: 10 });
    expect(one("183,Ishøj,alle,samtaler,2024-01,3,1,33.3").cells).toHaveLength(1);
    // 1/8 = 12.5 %: a share published without decimals may be 12 or 13 (±0.5 inclusive), not 14.
    expect(one("183,Ishøj,alle,samtaler,2024-01,8,1,12").cells).toHaveLength(1);
    expect(one("183,Ishøj,alle,samtaler,2024-01,8,1,13").cells).toHaveLength(1);
    expect(() => one("183,Ishøj,alle,samtaler,2024-01,8,1,14")).toThrow(InputError);
    // Two decimals: 1/3 = 33.333… → 33.33 agrees, 33.34 does not (±0.005).
    expect(one("183,Ishøj,alle,samtaler,2024-01,3,1,33.33").cells).toHaveLength(1);
    expect(() => one("183,Ishøj,alle,samtaler,2024-01,3,1,33.34")).toThrow(InputError);
    expect(() => one("183,Ishøj,alle,samtaler,2024-01,3,1,33.4")).toThrow(/does not agree/);
  });

  it("allows a population of 0 only with an empty or zero share", () => {
    expect(one("183,Ishøj,alle,samtaler,2024-01,0,0,").cells[0]).toMatchObject({
      population: 0,
      without: 0,
      shareWithout: null,
    });
    expect(one("183,Ishøj,alle,samtaler,2024-01,0,0,0.0").cells[0]!.shareWithout).toEqual({ num: 0, den: 10 });
    expect(() => one("183,Ishøj,alle,samtaler,2024-01,0,,5.0")).toThrow(/population is 0/);
    expect(() => one("183,Ishøj,alle,samtaler,2024-01,0,1,")).toThrow(/larger than population/);
  });

  it("checks W ≤ P only when both are known", () => {
    expect(one("183,Ishøj,alle,samtaler,2024-01,,17,").cells[0]).toMatchObject({ population: null, without: 17 });
    expect(one("183,Ishøj,alle,samtaler,2024-01,58,,29.3").cells[0]).toMatchObject({ population: 58, without: null });
  });

  it("rejects counts that are not whole numbers ≥ 0", () => {
    for (const bad of ["-1", "1.5", "1,5", "1e3", "ti", "1 000"]) {
      const e = rejection(() => one(`183,Ishøj,alle,samtaler,2024-01,${bad.includes(",") ? `"${bad}"` : bad},,`));
      expect(errorsOf(e)[0]).toMatchObject({ line: 2, column: 6, columnName: "population", value: bad });
    }
  });

  it("suggests a known label or id for an unknown benefit group, and says nothing it cannot back", () => {
    const e = rejection(() => one("183,Ishøj,Uddannelseshjalp,samtaler,2024-01,,,1.0"));
    expect(errorsOf(e)[0]!.message).toContain('did you mean "uddannelseshjaelp"?');
    const far = rejection(() => one("183,Ishøj,Folkepension,samtaler,2024-01,,,1.0"));
    expect(errorsOf(far)[0]!.message).not.toContain("did you mean");
  });

  it("points at a name given where a code belongs", () => {
    const e = rejection(() => one("Ishøj,Ishøj,alle,samtaler,2024-01,,,1.0"));
    expect(errorsOf(e)[0]!.message).toContain("its code is 183");
  });
});

describe("merging several inputs", () => {
  it("rejects a cell given in two files, naming both files and lines", () => {
    const a = parseLongCsv(
      `${HEADER}\n183,Ishøj,alle,samtaler,2024-01,58,17,29.3\n183,Ishøj,alle,samtaler,2024-02,58,17,29.3\n`,
      "a.csv",
    );
    const b = parseLongCsv(
      `${HEADER}\n101,København,alle,samtaler,2024-01,58,17,29.3\n183,Ishøj,alle,samtaler,2024-02,60,18,30.0\n`,
      "b.csv",
    );
    const e = rejection(() => mergeMeasurements([a, b]));
    const [first, ...rest] = errorsOf(e);
    expect(rest).toHaveLength(0);
    expect(first).toMatchObject({ file: "b.csv", line: 3 });
    expect(first!.message).toContain("a.csv:3");
    expect(first!.message).toContain("b.csv:3");
  });
});
