/** The command-line contract of docs/cli.md: outputs, exit codes and messages. */
import { describe, expect, it } from "vitest";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { runCli } from "./helpers/cli.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const ISHOEJ = "test/fixtures/import/ishoej-2022-09-11.csv";
const SEP_NOV = ["--rules", "genopretning-2020", "--period", "2022-09..2022-11"];

const cli = runCli;

describe("evaluate --format json", () => {
  it("prints one JSON document with the shape of docs/cli.md", async () => {
    const r = await cli("evaluate", "--input", ISHOEJ, ...SEP_NOV, "--format", "json");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({
      ruleSet: "genopretning-2020",
      mode: "trigger",
      period: "2022-09..2022-11",
      window: ["2022-09", "2022-10", "2022-11"],
    });
    expect(doc.parameters).toMatchObject({ limit: 20, windowMonths: 3, minPopulation: 10, restorationMonths: 6 });
    const [ishoej] = doc.municipalities;
    expect(ishoej).toMatchObject({ code: "183", name: "Ishøj", status: "flagged" });
    const sick = ishoej.criteria.find((c: { id: string }) => c.id === "sygedagpenge:samtaler");
    // Nov (50,0 %) is possible with 2 citizens; Sep (45,5 %) needs 11 and Oct (52,6 %) 19 (docs/rules.md §3.3).
    expect(sick).toMatchObject({
      status: "flagged",
      caveats: ["population-unknown", "population-at-least"],
      exemptionCandidates: [],
    });
    expect(sick.months[0]).toEqual({
      month: "2022-09",
      population: null,
      without: null,
      shareWithout: 45.5,
      breach: true,
      impliedMinPopulation: 11,
    });
    expect(sick.explanation).toContain("45,5\u00a0%");
  });

  it("restoration mode checks the named criteria only", async () => {
    const r = await cli(
      "evaluate",
      "--input",
      ISHOEJ,
      ...SEP_NOV,
      "--mode",
      "restoration",
      "--criteria",
      "sygedagpenge:samtaler,dagpenge:tilbud",
      "--format",
      "json",
    );
    const doc = JSON.parse(r.stdout);
    expect(doc.municipalities[0].status).toBe("not-restored");
    expect(doc.municipalities[0].criteria.map((c: { id: string; status: string }) => [c.id, c.status])).toEqual([
      ["sygedagpenge:samtaler", "not-restored"],
      ["dagpenge:tilbud", "not-restored"],
    ]);
  });

  it("reads several inputs, e.g. the two wide tables of the letter", async () => {
    const r = await cli(
      "evaluate",
      "--input",
      "test/fixtures/import/ishoej-2022-samtaler-wide.tsv",
      "--input",
      "test/fixtures/import/ishoej-2022-tilbud-wide.tsv",
      ...SEP_NOV,
      "--format",
      "json",
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).municipalities[0].criteria).toHaveLength(12);
    // 9 conversation + 3 offer criteria (the letter has no overgangsydelse offers)
  });

  it("applies the supervision list and the exemption switch", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ti-"));
    const supervision = join(dir, "tilsyn.csv");
    writeFileSync(supervision, "municipality_code,from,to\n183,2022-01,2022-12\n");
    const alle =
      "municipality_code,benefit_group,measure,month,population,without,share_without\n" +
      ["2022-09", "2022-10", "2022-11"].map((m) => `183,alle,samtaler,${m},50,20,40.0`).join("\n");
    writeFileSync(join(dir, "alle.csv"), alle);
    const base = [
      "evaluate",
      "--input",
      join(dir, "alle.csv"),
      "--period",
      "2022-09..2022-11",
      "--supervision",
      supervision,
      "--format",
      "json",
    ];
    const flagged = JSON.parse((await cli(...base)).stdout).municipalities[0];
    expect(flagged.status).toBe("flagged");
    expect(flagged.criteria[0].exemptionCandidates).toEqual(["enhanced-supervision"]);
    const exempted = JSON.parse((await cli(...base, "--apply-exemptions")).stdout).municipalities[0];
    expect(exempted.status).toBe("exempted");
  });
});

describe("evaluate --format csv and text", () => {
  it("csv starts with the canonical columns and has one row per criterion and month", async () => {
    const r = await cli("evaluate", "--input", ISHOEJ, ...SEP_NOV, "--format", "csv");
    const lines = r.stdout.trim().split("\n");
    expect(lines[0]).toMatch(
      /^municipality_code,municipality_name,benefit_group,measure,month,population,without,share_without,/,
    );
    expect(lines).toHaveLength(1 + 12 * 3);
  });
  it("text leads with the count and explains every verdict", async () => {
    const r = await cli("evaluate", "--input", ISHOEJ, ...SEP_NOV);
    expect(r.stdout).toContain("1 kommune: 1 udpeget");
    expect(r.stdout).toContain("Handlekriteriet for tilbud til a-dagpengemodtagerne er opfyldt for Ishøj Kommune");
  });
  it("says so when the data is synthetic", async () => {
    const r = await cli("evaluate", "--input", "data/synthetic/measurements.csv", "--period", "2025H1");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/SYNTETISKE DATA/);
    const json = await cli(
      "evaluate",
      "--input",
      "data/synthetic/measurements.csv",
      "--period",
      "2025H1",
      "--format",
      "json",
    );
    expect(JSON.parse(json.stdout).synthetic).toBe(true);
  });
});

describe("usage errors exit 2 with help, nothing on stdout", () => {
  it.each([
    [["evaluate", "--period", "2024H1"], "--input FILE is required"],
    [["evaluate", "--input", ISHOEJ], "--period is required"],
    [["evaluate", "--input", ISHOEJ, "--period", "2024H3"], "is not of the form"],
    [["evaluate", "--input", ISHOEJ, "--period", "2024H1", "--rules", "2019"], "--rules must be one of"],
    [["evaluate", "--input", ISHOEJ, "--period", "2024H1", "--threshold", "120"], "from 0 to 100"],
    [
      ["evaluate", "--input", ISHOEJ, "--period", "2024H1", "--mode", "restoration"],
      "belongs to --rules genopretning-2020",
    ],
    [["evaluate", "--input", ISHOEJ, "--period", "2024H1", "--criteria", "sygedagpenge:tilbud"], "unknown criterion"],
    [["evaluate", "--input", ISHOEJ, "--period", "2024H1", "--threshold", "80", "--limit", "25"], "contradict"],
    [["evaluate", "--input", ISHOEJ, "--period", "2024H1", "--colour"], "Unknown option"],
    [["frobnicate"], "unknown command"],
    [[], "Usage: tidlig-indsats"],
  ])("%j", async (argv, message) => {
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain("Usage:");
  });
});

describe("bad input exits 1 naming file, line and column; nothing on stdout", () => {
  const dir = fileURLToPath(new URL("./fixtures/bad/", import.meta.url));
  const expected: Record<string, { line: number; column: number | null; value: string | null; contains: string }> =
    JSON.parse(readFileSync(join(dir, "expected.json"), "utf8"));
  const files = readdirSync(dir).filter((f) => /\.(csv|tsv)$/.test(f));
  it("covers every file of the corpus", () => {
    expect(Object.keys(expected).sort()).toEqual(files.sort());
  });
  it.each(files)("%s", async (file) => {
    const e = expected[file]!;
    const r = await cli("evaluate", "--input", `test/fixtures/bad/${file}`, "--period", "2024H1", "--format", "json");
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    const where =
      e.column === null ? `test/fixtures/bad/${file}:${e.line}:` : `test/fixtures/bad/${file}:${e.line}:${e.column}:`;
    expect(r.stderr).toContain(where);
    expect(r.stderr).toContain(e.contains);
    if (e.value !== null) expect(r.stderr).toContain(`"${e.value}"`);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
  it("a file that does not exist is bad input, not a crash", async () => {
    const r = await cli("evaluate", "--input", "nope.csv", "--period", "2024H1");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("nope.csv: error: cannot read the file: no such file");
  });
});

describe("timeline", () => {
  it("continues Ishøj's case from the contact of 29 August 2022", async () => {
    const r = await cli(
      "timeline",
      "--input",
      ISHOEJ,
      "--initial",
      "183:contacted:sygedagpenge:samtaler+dagpenge:tilbud",
      "--format",
      "json",
    );
    expect(r.code).toBe(0);
    const [t] = JSON.parse(r.stdout).municipalities;
    expect(t.events).toEqual([
      expect.objectContaining({
        assessment: "2023-02",
        stageBefore: "contacted",
        stageAfter: "plan-required",
        outcome: "not-restored",
        nextAssessment: "2023-08",
        nextWindow: ["2023-03", "2023-04", "2023-05"],
        planDueDays: 15,
        planDeadline: null,
        planCriteria: ["sygedagpenge:samtaler", "dagpenge:tilbud"],
      }),
    ]);
  });
});

describe("the installed command", () => {
  it("runs through bin/ as a real process, with the documented exit codes", () => {
    const bin = join(ROOT, "bin/tidlig-indsats.mjs");
    const ok = execFileSync(process.execPath, [bin, "evaluate", "--input", ISHOEJ, ...SEP_NOV, "--format", "json"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(JSON.parse(ok).municipalities[0].status).toBe("flagged");
    const bad = spawnSync(
      process.execPath,
      [bin, "evaluate", "--input", "test/fixtures/bad/unknown-code.csv", "--period", "2024H1"],
      { cwd: ROOT, encoding: "utf8" },
    );
    expect(bad.status).toBe(1);
    expect(bad.stdout).toBe("");
    expect(bad.stderr).toContain("unknown-code.csv:3:1:");
    const usage = spawnSync(process.execPath, [bin, "evaluate"], { cwd: ROOT, encoding: "utf8" });
    expect(usage.status).toBe(2);
  });
});
