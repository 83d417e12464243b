/**
 * Hostile and odd input (issue 9 §4): huge records, floods of warnings, control characters,
 * standard input in every encoding, periods outside the data, internal errors.
 */
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { InputError, formatIssue, type InputIssue } from "../lib/domain/issues.ts";
import { readMeasurements } from "../lib/import/index.ts";
import { scanStatistics } from "../lib/import/csv.ts";
import { detectFormat } from "../lib/import/sniff.ts";
import { loadInputs } from "../cli/inputs.ts";
import { main } from "../cli/main.ts";
import { PROJECT_ROOT, runCli } from "./helpers/cli.ts";
import { rejection } from "./helpers/cells.ts";

const HEADER = "municipality_code,municipality_name,benefit_group,measure,month,population,without,share_without";
const MB = 1 << 20;
const enc = (s: string) => new TextEncoder().encode(s);

const errorsOf = (e: InputError): InputIssue[] => e.issues.filter((i) => i.severity === "error");

describe("one very long record, or no line break at all", () => {
  // Each of these took seconds to minutes when a piece-wise reader re-scanned the growing record
  // for every 16 KB chunk (quadratic); read in 16 KB chunks, they must now give the right answer.
  it("an 8 MB header line without a line break: the format is found and the file is rejected briefly", () => {
    const text = `municipality_code,${"x".repeat(8 * MB)}`;
    expect(detectFormat(text)).toBe("long");
    const e = rejection(() => readMeasurements(enc(text), "huge.csv"));
    expect(errorsOf(e).map((i) => i.message)).toEqual([
      expect.stringContaining('required column "benefit_group" is missing'),
      expect.stringContaining('required column "measure" is missing'),
      expect.stringContaining('required column "month" is missing'),
    ]);
    for (const issue of e.issues) expect(formatIssue(issue).length).toBeLessThan(600);
  });

  it("an 8 MB value in a data row is reported with its line and a shortened value", () => {
    const text = `${HEADER}\n183,Ishøj,alle,samtaler,2024-01,${"7".repeat(8 * MB)},1,\n183,Ishøj,alle,tilbud,2024-01,3,1,`;
    const e = rejection(() => readMeasurements(enc(text), "big-value.csv"));
    const [err] = errorsOf(e);
    expect(err).toMatchObject({ line: 2, column: 6, columnName: "population" });
    expect(err!.message).toContain("population is too large");
    const printed = formatIssue(err!);
    expect(printed).toContain(`(8,388,608 characters)`);
    expect(printed.length).toBeLessThan(400);
  });

  it("a quoted field of 8 MB spanning 1,000,000 lines keeps the line numbers right", () => {
    const field = `"${"x\n".repeat(1_000_000)}"`;
    const text = `${HEADER}\n183,${field},alle,samtaler,2024-01,10,5,50\n183,Ishøj,alle,tilbud,2024-02,10,5,bad`;
    const e = rejection(() => readMeasurements(enc(text), "quoted.csv", { chunkSize: 1 << 14 }));
    expect(errorsOf(e).map((i) => [i.line, i.columnName])).toEqual([[1_000_003, "share_without"]]);
  });

  it("8 MB of text without any line break or separator is a wide table without a table", () => {
    const e = rejection(() => readMeasurements(enc("a".repeat(8 * MB)), "blob.txt"));
    expect(errorsOf(e)[0]!.message).toMatch(/^no table found/);
  });

  it.each([
    ["a header line", (n: number) => `municipality_code,${"x".repeat(n)}`],
    ["a data row", (n: number) => `${HEADER}\n183,Ishøj,alle,samtaler,2024-01,${"7".repeat(n)},1,`],
    ["a quoted field", (n: number) => `${HEADER}\n183,"${"x\n".repeat(n / 2)}",alle,samtaler,2024-01,1,1,x`],
    ["a file without a line break", (n: number) => "a".repeat(n)],
  ])("%s of 8 MB read in 16 KB pieces: each character is scanned a bounded number of times", (_, make) => {
    const n = 8 * MB;
    const bytes = enc(make(n));
    const before = scanStatistics.characters;
    expect(() => readMeasurements(bytes, "long.csv", { chunkSize: 1 << 14 })).toThrow(InputError);
    const scanned = scanStatistics.characters - before;
    // Re-scanning the growing record for every piece would be ≈ n²/(2·16 KB) ≈ 2·10^9.
    expect(scanned).toBeLessThan(6 * bytes.length);
  });
});

describe("caps on messages", () => {
  it("warnings of one kind are capped like errors: the first 50, then how many more", () => {
    const rows = Array.from(
      { length: 120 },
      (_, i) =>
        `183,Kommune${i},alle,samtaler,${2000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")},,,`,
    );
    const m = readMeasurements(`${HEADER}\n${rows.join("\n")}\n`, "names.csv");
    const names = m.warnings.filter((w) => w.message.startsWith("municipality_name"));
    expect(names).toHaveLength(50);
    expect(names[49]!.line).toBe(51);
    expect(m.warnings.map((w) => w.message)).toContain("… and 70 more of the same kind");
    expect(m.warnings).toHaveLength(51);
  });

  it("the summary says 'at least 50 errors (stopped reading)' when reading stopped at the cap", async () => {
    const bad = Array.from(
      { length: 80 },
      (_, i) => `999,,alle,samtaler,2024-${String((i % 12) + 1).padStart(2, "0")},,,`,
    );
    const file = writeTemp("many-errors.csv", `${HEADER}\n${bad.join("\n")}\n`);
    const r = await runCli("evaluate", "--input", file, "--period", "2024H1");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("input rejected (at least 50 errors (stopped reading)); nothing was evaluated");
    const few = writeTemp("few-errors.csv", `${HEADER}\n${bad.slice(0, 3).join("\n")}\n`);
    const f = await runCli("evaluate", "--input", few, "--period", "2024H1");
    expect(f.stderr).toContain("input rejected (3 errors); nothing was evaluated");
  });

  it("terminal control characters from the input are escaped before printing", async () => {
    const file = writeTemp("escape.csv", `${HEADER}\n\u001b[2J\u001b]0;pwned\u0007,,alle,samtaler,2024-01,,,\n`);
    const r = await runCli("evaluate", "--input", file, "--period", "2024H1");
    expect(r.code).toBe(1);
    // eslint-disable-next-line no-control-regex
    expect(r.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(r.stderr).toContain("\\u001b[2J\\u001b]0;pwned\\u0007");
  });
});

describe("--input - reads standard input in every encoding a file may have", () => {
  const text = `municipality_code;municipality_name;benefit_group;measure;month;share_without\r\n183;Ishøj;alle;samtaler;2024-01;45,5\r\n`;
  const utf16le = (s: string) => {
    const out = new Uint8Array(2 + s.length * 2);
    out.set([0xff, 0xfe]);
    for (let i = 0; i < s.length; i++) {
      out[2 + 2 * i] = s.charCodeAt(i) & 0xff;
      out[3 + 2 * i] = s.charCodeAt(i) >> 8;
    }
    return out;
  };
  const utf16be = (s: string) => {
    const le = utf16le(s);
    const out = new Uint8Array(le.length);
    for (let i = 0; i < le.length; i += 2) [out[i], out[i + 1]] = [le[i + 1]!, le[i]!];
    return out;
  };
  const cp1252 = Uint8Array.from([...text].map((c) => (c === "ø" ? 0xf8 : c.charCodeAt(0))));
  const encodings: [string, Uint8Array][] = [
    ["UTF-8", enc(text)],
    ["UTF-8 with BOM", Uint8Array.from([0xef, 0xbb, 0xbf, ...enc(text)])],
    ["UTF-16LE", utf16le(`\ufeff${text}`.slice(1))],
    ["UTF-16BE", utf16be(`\ufeff${text}`.slice(1))],
    ["Windows-1252", cp1252],
  ];
  it.each(encodings)("%s", (name, bytes) => {
    const { measurements } = loadInputs(["-"], PROJECT_ROOT, () => bytes);
    expect(measurements.cells).toEqual([
      expect.objectContaining({ municipalityCode: "183", month: "2024-01", shareWithout: { num: 455, den: 10 } }),
    ]);
    expect(measurements.names.get("183")).toBe("Ishøj");
    const warnings = measurements.warnings.map(formatIssue);
    if (name === "Windows-1252")
      expect(warnings).toEqual([expect.stringMatching(/^<stdin>:2: warning: .*not valid UTF-8/)]);
    else expect(warnings).toEqual([]);
  });

  it("piped into the installed command (Windows-1252)", () => {
    const bin = join(PROJECT_ROOT, "bin/tidlig-indsats.mjs");
    const r = spawnSync(process.execPath, [bin, "evaluate", "--input", "-", "--period", "2024H1", "--format", "json"], {
      cwd: PROJECT_ROOT,
      input: cp1252,
      encoding: "utf8",
    });
    expect(r.stderr).toMatch(/<stdin>:2: warning: the file is not valid UTF-8/);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).municipalities.map((m: { code: string }) => m.code)).toEqual(["183"]);
  });
});

describe("the command line", () => {
  it("a period outside the data says which months the data covers", async () => {
    const r = await runCli("evaluate", "--input", "test/fixtures/import/ishoej-2022-09-11.csv", "--period", "2019H1");
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      "note: no month of the period 2019H1 is in the data; the data covers 2022-09..2022-11, so nothing in this period can be decided",
    );
    const inside = await runCli(
      "evaluate",
      "--input",
      "test/fixtures/import/ishoej-2022-09-11.csv",
      "--period",
      "2022H2",
    );
    expect(inside.stderr).not.toContain("no month of the period");
  });

  it("an internal error (a bug) exits 70 asking to report it, the stack only with TIDLIG_INDSATS_DEBUG", async () => {
    const run = async (env: NodeJS.ProcessEnv) => {
      let stderr = "";
      const code = await main(
        ["evaluate", "--input", "test/fixtures/import/ishoej-2022-09-11.csv", "--period", "2022H2"],
        {
          stdout: () => {
            throw new TypeError("a bug in the output");
          },
          stderr: (s) => void (stderr += s),
          env,
          cwd: PROJECT_ROOT,
        },
      );
      return { code, stderr };
    };
    const plain = await run({});
    expect(plain.code).toBe(70);
    expect(plain.stderr).toContain("unexpected error — please report");
    expect(plain.stderr).toContain("a bug in the output");
    expect(plain.stderr).not.toMatch(/\n\s+at /);
    const debug = await run({ TIDLIG_INDSATS_DEBUG: "1" });
    expect(debug.code).toBe(70);
    expect(debug.stderr).toMatch(/\n\s+at /);
  });
});

let dir: string | null = null;

function writeTemp(name: string, content: string): string {
  dir ??= mkdtempSync(join(tmpdir(), "hostile-"));
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
